// After a mid-year rupture the rupture year is financed pro rata, less the participation due for that rupture (50 % of the days' amount in the 45-day probatory period).
// The commitment read before the rupture is given by the step: `@echeancesAvantRupture` (the échéancier) or `@engagementAvantRupture` (its total).
import type { Echeance } from '../../model/dossier.js';
import { financerContrat, financerRupture, FinancementError } from '../../financing/index.js';
import { defineRule, fail, notApplicable, verdict, type RuleResult, type Violation } from '../rule.js';
import { annuelsPossibles, cents, contratLu, jour, participationsPossibles, type ContratLu } from './financement-lu.js';
import { judgedBy, notListed, show, valueAt, withResponse } from './support.js';

const ID = 'serveur-rupture-montant-prorata';
/** The keys of a step's `champs` that give the commitment read before the rupture (the échéancier is preferred). */
export const ENGAGEMENT_AVANT = '@engagementAvantRupture';
export const ECHEANCES_AVANT = '@echeancesAvantRupture';

/** One reading of the OPCO's annual amounts (and the schedule it committed before the rupture). */
interface Hypothese {
  npec: number;
  rqth: number;
  avant: Echeance[];
}

const somme = (l: readonly Partial<Echeance>[], champ: 'montantTotal' | 'montantPedagogique' | 'montantMajorationRQTH'): number => l.reduce((s, e) => s + cents(e[champ]), 0);

/** From the échéancier read before: its NPEC read on the échéances the participation does not touch; the schedule as committed. */
function depuisEcheances(lu: ContratLu, avant: Echeance[]): Hypothese[] {
  const { npec, rqth } = annuelsPossibles(lu, avant, participationsPossibles(lu));
  return npec.flatMap((n) => rqth.map((r) => ({ npec: n, rqth: r, avant })));
}

/**
 * From the total committed before: NPEC + majoration are linear in it once the participation is added back; the
 * majoration's part is read from the RQTH amounts after the rupture (prorated like the NPEC, never reduced).
 */
function depuisEngagement(lu: ContratLu, engagement: number, apres: readonly Echeance[]): Hypothese[] {
  const unite = (n: number, r: number) => financerContrat({ ...lu.contrat, npecAnnuel: n, majorationRQTHAnnuelle: r }, undefined, 0).echeances;
  const parEuro = somme(unite(10_000, 0), 'montantTotal') / 10_000;
  const rupture = lu.dateRupture ?? lu.contrat.dateFinContrat;
  const rqthApres = somme(apres, 'montantMajorationRQTH');
  const rqthParEuro = somme(financerRupture(unite(0, 1_000), rupture, { ...lu.contrat, majorationRQTHAnnuelle: 1_000 }, undefined, 0).echeances, 'montantMajorationRQTH') / 1_000;
  const rqth = rqthApres === 0 || !(rqthParEuro > 0) ? 0 : Math.round((rqthApres / rqthParEuro) * 100) / 100;
  return participationsPossibles(lu).map((p) => {
    const npec = Math.round(((cents(engagement) + cents(p)) / parEuro) * 100) / 100 - rqth;
    return { npec, rqth, avant: financerContrat({ ...lu.contrat, npecAnnuel: npec, majorationRQTHAnnuelle: rqth }).echeances };
  });
}

function juger(body: unknown, champs: Record<string, unknown>): RuleResult {
  const lu = contratLu(body);
  const rupture = lu?.dateRupture;
  if (!lu || rupture === undefined) return notApplicable('pas de date de rupture (jugé par serveur-rupture-prorata)');
  const lues = valueAt(body, 'echeances') as Echeance[] | undefined;
  if (!Array.isArray(lues)) return fail({ path: 'echeances', expected: "l'échéancier au prorata de la rupture", received: show(lues) });
  const violations: Violation[] = [];
  // What is still due after the rupture opens by the rupture date and ends there (the balance is due at once).
  lues.forEach((e, i) => {
    const paye = cents(e.montantRegle) + cents(e.montantEnCoursInstruction) > 0;
    if (cents(e.montantTotal) === 0 || paye) return;
    const ouverture = jour(e.dateOuverture);
    if (ouverture !== undefined && ouverture > rupture) violations.push({ path: `echeances[${i}].dateOuverture`, expected: `au plus tard le ${rupture} (date de rupture)`, received: ouverture });
  });
  const echeancesAvant = champs[ECHEANCES_AVANT];
  const engagementAvant = champs[ENGAGEMENT_AVANT];
  try {
    const hypotheses = Array.isArray(echeancesAvant) && echeancesAvant.length > 0
      ? depuisEcheances(lu, echeancesAvant as Echeance[])
      : typeof engagementAvant === 'number' && engagementAvant > 0 ? depuisEngagement(lu, engagementAvant, lues) : [];
    if (hypotheses.length === 0 && lues.length === 0) violations.push({ path: 'echeances', expected: "l'échéancier au prorata de la rupture", received: '[]' });
    const recu = somme(lues, 'montantTotal');
    let ecart: Violation | undefined;
    for (const h of hypotheses) {
      const contrat = { ...lu.contrat, npecAnnuel: h.npec, majorationRQTHAnnuelle: h.rqth };
      const { echeances, participation } = financerRupture(h.avant, rupture, contrat);
      const attendu = somme(echeances, 'montantTotal');
      // Rounding of each échéance (pédagogique and RQTH apart): a few cents.
      if (Math.abs(recu - attendu) <= 2 * Math.max(1, lues.length)) {
        ecart = undefined;
        break;
      }
      const motif = participation.montant > 0 ? `, participation de l'employeur de ${participation.montant} € déduite (${participation.motif})` : '';
      ecart ??= {
        path: 'echeances[].montantTotal',
        expected: `${(attendu / 100).toFixed(2)} au total (NPEC de ${h.npec} € ramené au prorata du ${rupture}${motif})`,
        received: (recu / 100).toFixed(2),
      };
    }
    if (ecart) violations.push(ecart);
  } catch (error) {
    if (!(error instanceof FinancementError)) throw error;
    violations.push({ path: 'cerfa.contrat', expected: 'des dates permettant un échéancier', received: error.message });
  }
  return verdict(violations);
}

export default defineRule({
  id: ID,
  title:
    "Après une rupture en cours d'année, le montant de l'année de rupture est ramené au prorata de la date de rupture, moins la participation de l'employeur due pour cette rupture",
  requirements: ['SRV-15', 'CDV-19', 'FIN-08', 'FIN-15'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) => (judgedBy(echange, ID) ? juger(echange.response.body, echange.expected?.champs ?? {}) : notListed(ID)),
  plant: (valid) => {
    const body = valid.response.body as { cerfa: { contrat: { dateDebutContrat: string; dateFinContrat: string; dateConclusion: string } } };
    const contrat = body.cerfa.contrat;
    const entier = financerContrat({ ...contrat, npecAnnuel: 7000, majorationRQTHAnnuelle: 0, iban: 'FR7630006000011234567890189', siret: '85300000800005' }).echeances;
    // The rupture year kept whole: every échéance of the first year, none prorated.
    const annee = entier.filter((e) => e.dateDebut === contrat.dateDebutContrat);
    return { payload: withResponse(valid, ID, { body: { ...body, engagement: annee.reduce((s, e) => s + e.montantTotal, 0), echeances: annee } }) };
  },
});
