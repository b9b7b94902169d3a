// The échéancier read back follows the regime in force at the conclusion date (percentages, opening dates, prorata).
import type { Echeance } from '../../model/dossier.js';
import { computeEcheancier, FinancementError } from '../../financing/index.js';
import { defineRule, fail, notApplicable, pass, verdict, type RuleResult, type Violation } from '../rule.js';
import { judgedBy, notListed, show, valueAt, withResponse } from './support.js';

const ID = 'serveur-echeancier-repartition';
const cents = (v: unknown): number => Math.round(Number(v ?? 0) * 100);

/** The schedule the library computes for these dates and annual amounts. */
function attendu(contrat: Record<string, string>, npec: number, rqth: number, iban: string, siret: string): Echeance[] {
  return computeEcheancier({
    dateConclusion: contrat.dateConclusion ?? '',
    dateDebutContrat: contrat.dateDebutContrat ?? '',
    dateFinContrat: contrat.dateFinContrat ?? '',
    npecAnnuel: npec,
    majorationRQTHAnnuelle: rqth,
    iban,
    siret,
  });
}

function ecarts(lues: Echeance[], calculees: Echeance[]): Violation[] {
  const violations: Violation[] = [];
  if (lues.length !== calculees.length) violations.push({ path: 'echeances', expected: `${calculees.length} échéances`, received: `${lues.length}` });
  calculees.forEach((c, i) => {
    const l = lues[i];
    if (!l) return;
    for (const champ of ['montantPedagogique', 'montantMajorationRQTH', 'montantTotal'] as const) {
      if (cents(l[champ]) !== cents(c[champ])) violations.push({ path: `echeances[${i}].${champ}`, expected: String(c[champ]), received: show(l[champ]) });
    }
    if (String(l.dateOuverture).slice(0, 10) !== c.dateOuverture) violations.push({ path: `echeances[${i}].dateOuverture`, expected: c.dateOuverture, received: show(l.dateOuverture) });
  });
  return violations;
}

/**
 * The NPEC and RQTH majoration are the OPCO's (référentiel): they are inferred from the totals read back (amounts
 * are linear in them, up to rounding), then every échéance is compared with the library's.
 */
function juger(body: unknown): RuleResult {
  const etat = valueAt(body, 'cerfa.etat');
  if (etat !== 'ENGAGE' && etat !== 'SOLDE') return notApplicable(`état ${show(etat)} : l'échéancier initial n'est jugé que sur un dossier engagé`);
  const lues = valueAt(body, 'echeances') as Echeance[] | undefined;
  const contrat = valueAt(body, 'cerfa.contrat') as Record<string, string> | undefined;
  if (!Array.isArray(lues) || lues.length === 0 || !contrat) return fail({ path: 'echeances', expected: 'un échéancier', received: show(lues) });
  const premier = lues[0]!;
  try {
    const unite = attendu(contrat, 10_000, 0, premier.iban, premier.siret);
    const parEuro = unite.reduce((s, e) => s + cents(e.montantPedagogique), 0) / 10_000;
    const peda = lues.reduce((s, e) => s + cents(e.montantPedagogique), 0);
    const rqth = lues.reduce((s, e) => s + cents(e.montantMajorationRQTH), 0);
    const estime = (total: number): number[] => {
      const brut = total / parEuro;
      return [...new Set([Math.round(brut), Math.round(brut * 100) / 100, Math.round(brut * 100 + 1) / 100, Math.round(brut * 100 - 1) / 100])].filter((n) => n >= 0);
    };
    let meilleur: Violation[] | undefined;
    for (const npec of estime(peda)) {
      for (const majoration of rqth === 0 ? [0] : estime(rqth)) {
        const v = ecarts(lues, attendu(contrat, npec, majoration, premier.iban, premier.siret));
        if (v.length === 0) return pass();
        if (!meilleur || v.length < meilleur.length) meilleur = v;
      }
    }
    return verdict(meilleur ?? [{ path: 'echeances', expected: 'un échéancier calculable', received: 'aucun' }]);
  } catch (error) {
    if (error instanceof FinancementError) return fail({ path: 'cerfa.contrat', expected: 'des dates permettant un échéancier', received: error.message });
    throw error;
  }
}

export default defineRule({
  id: ID,
  title: "L'échéancier engagé suit la répartition du régime en vigueur à la date de conclusion (pourcentages, dates d'ouverture, prorata)",
  requirements: ['API-19', 'CDV-03'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) => (judgedBy(echange, ID) ? juger(echange.response.body) : notListed(ID)),
  plant: (valid) => {
    const echange = withResponse(valid, ID, {});
    const body = structuredClone(echange.response.body) as { echeances?: Echeance[] };
    const premiere = body.echeances?.[0];
    if (premiere) {
      premiere.montantPedagogique = Math.round((premiere.montantPedagogique + 50) * 100) / 100;
      premiere.montantTotal = Math.round((premiere.montantTotal + 50) * 100) / 100;
    }
    echange.response.body = body;
    return { payload: echange };
  },
});
