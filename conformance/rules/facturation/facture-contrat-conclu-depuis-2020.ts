// Seed 003: only contracts concluded from 2020-01-01 can be invoiced through the API.
import { defineRule, skip, verdict, type Violation } from '../rule.js';
import { avecDossier, copie, lignesConnues, premiereLigneConnue, SANS_DOSSIERS } from '../support/facturation.js';

const DEBUT = '2020-01-01';

export default defineRule<'facture'>({
  id: 'facture-contrat-conclu-depuis-2020',
  title: 'Seuls les contrats conclus à partir du 01/01/2020 peuvent être facturés',
  requirements: ['FACT-13'],
  severity: 'bloquant',
  area: 'facturation',
  appliesTo: ['facture'],
  code: 'CONTRAT_ANTERIEUR_2020',
  check(facture, context) {
    if (!context.dossiers) return skip(SANS_DOSSIERS);
    const violations: Violation[] = [];
    for (const { dossier, chemin } of lignesConnues(facture, context)) {
      const conclusion = dossier?.cerfa.contrat.dateConclusion;
      if (typeof conclusion !== 'string' || conclusion.slice(0, 10) >= DEBUT) continue;
      violations.push({ path: `${chemin}.numeroInterneDossier`, expected: `un contrat conclu à partir du ${DEBUT}`, received: `contrat conclu le ${conclusion.slice(0, 10)}` });
    }
    return verdict(violations);
  },
  plant(valid, context) {
    const { dossier } = premiereLigneConnue(valid, context, 'facture-contrat-conclu-depuis-2020');
    return {
      payload: copie(valid),
      context: avecDossier(context, dossier.cerfa.numeroInterne, (d) => ({
        ...d,
        cerfa: { ...d.cerfa, contrat: { ...d.cerfa.contrat, dateConclusion: '2019-12-16' } },
      })),
    };
  },
});
