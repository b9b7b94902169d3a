// The échéancier read back follows the regime in force at the conclusion date (percentages, opening dates, prorata), the employer participation deducted from E1.
import type { Echeance } from '../../model/dossier.js';
import { financerContrat } from '../../financing/index.js';
import { defineRule, fail, notApplicable, pass, verdict, type RuleResult, type Violation } from '../rule.js';
import { annuelsPossibles, cents, contratLu, participationsPossibles, selonFinancement, type ContratLu } from './financement-lu.js';
import { judgedBy, notListed, show, valueAt, withResponse } from './support.js';

const ID = 'serveur-echeancier-repartition';

function ecarts(lues: Echeance[], calculees: Echeance[], participation: number): Violation[] {
  const violations: Violation[] = [];
  if (lues.length !== calculees.length) violations.push({ path: 'echeances', expected: `${calculees.length} échéances`, received: `${lues.length}` });
  calculees.forEach((c, i) => {
    const l = lues[i];
    if (!l) return;
    for (const champ of ['montantPedagogique', 'montantMajorationRQTH', 'montantTotal'] as const) {
      if (cents(l[champ]) !== cents(c[champ])) {
        const note = i === 0 && champ !== 'montantMajorationRQTH' && participation > 0 ? ` (participation de l'employeur de ${participation} € déduite)` : '';
        violations.push({ path: `echeances[${i}].${champ}`, expected: `${c[champ]}${note}`, received: show(l[champ]) });
      }
    }
    if (String(l.dateOuverture).slice(0, 10) !== c.dateOuverture) violations.push({ path: `echeances[${i}].dateOuverture`, expected: c.dateOuverture, received: show(l.dateOuverture) });
  });
  return violations;
}

/** Every (NPEC, RQTH, participation) the amounts allow, each échéancier compared with the one read: pass on the first match. */
function comparer(lu: ContratLu, lues: Echeance[]): RuleResult {
  const participations = participationsPossibles(lu);
  const { npec, rqth } = annuelsPossibles(lu, lues, participations);
  let meilleur: Violation[] | undefined;
  for (const participation of participations) {
    for (const n of npec) {
      for (const r of rqth) {
        const calculees = financerContrat({ ...lu.contrat, npecAnnuel: n, majorationRQTHAnnuelle: r }, undefined, participation).echeances;
        const v = ecarts(lues, calculees, participation);
        if (v.length === 0) return pass();
        if (!meilleur || v.length < meilleur.length) meilleur = v;
      }
    }
  }
  return verdict(meilleur ?? [{ path: 'echeances', expected: 'un échéancier calculable', received: 'aucun' }]);
}

/**
 * The NPEC and RQTH majoration are the OPCO's (référentiel): they are inferred from the amounts read back (linear
 * in them up to rounding; the NPEC from the échéances the participation does not touch), then every échéance is
 * compared with the library's (financerContrat): the regime of the date of conclusion (50/25/25 from 2020, 40/30/30,
 * 40/30/20/10 from 2025-07-01; 50/50 for a contract under one year before 2025-07-01), each contract year
 * scheduled, a partial year prorated by months started before 2025-07-01 and by days after, and for a certification
 * of level ≥ 6 concluded from 2025-07-01 the employer participation (750 €, 200 € for a contract of type 23) taken
 * off the first échéance. The CFA's own invoice of the participation to the employer is outside the exchanges.
 */
function juger(body: unknown): RuleResult {
  const etat = valueAt(body, 'cerfa.etat');
  if (etat !== 'ENGAGE' && etat !== 'SOLDE') return notApplicable(`état ${show(etat)} : l'échéancier initial n'est jugé que sur un dossier engagé`);
  const lues = valueAt(body, 'echeances') as Echeance[] | undefined;
  const lu = contratLu(body);
  if (!Array.isArray(lues) || lues.length === 0 || !lu) return fail({ path: 'echeances', expected: 'un échéancier', received: show(lues) });
  return selonFinancement(() => comparer(lu, lues));
}

export default defineRule({
  id: ID,
  title:
    "L'échéancier engagé suit la répartition du régime en vigueur à la date de conclusion (pourcentages, dates d'ouverture, prorata), la participation de l'employeur déduite de la première échéance",
  requirements: ['API-19', 'CDV-03', 'FIN-01', 'FIN-02', 'FIN-03', 'FIN-04', 'FIN-05', 'FIN-06', 'FIN-07', 'FIN-13', 'FIN-14', 'FIN-16'],
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
