// Seed 003: only engaged contracts with a DECA registration number can be invoiced.
import type { EtatDossier } from '../../model/dossier.js';
import { defineRule, skip, verdict, type Violation } from '../rule.js';
import { avecDossier, copie, lignesConnues, premiereLigneConnue, SANS_DOSSIERS, texteRenseigne } from '../support/facturation.js';

/** States in which the OPCO still pays: engaged, and broken (the part due up to the rupture). */
const FACTURABLES: readonly EtatDossier[] = ['ENGAGE', 'RUPTURE'];

export default defineRule<'facture'>({
  id: 'facture-dossier-numero-deca',
  title: 'Seuls les dossiers engagés avec un numéro d’enregistrement (DECA) peuvent être facturés',
  requirements: ['FACT-13'],
  severity: 'bloquant',
  area: 'facturation',
  appliesTo: ['facture'],
  code: 'DOSSIER_NON_FACTURABLE',
  check(facture, context) {
    if (!context.dossiers) return skip(SANS_DOSSIERS);
    const violations: Violation[] = [];
    for (const { dossier, chemin } of lignesConnues(facture, context)) {
      if (!dossier) continue;
      const { etat, numeroDeca } = dossier.cerfa;
      if (FACTURABLES.includes(etat) && texteRenseigne(numeroDeca)) continue;
      violations.push({
        path: `${chemin}.numeroInterneDossier`,
        expected: 'un dossier engagé (ENGAGE ou RUPTURE) portant un numéro DECA',
        received: `état ${etat}, ${texteRenseigne(numeroDeca) ? `numéro DECA ${numeroDeca}` : 'sans numéro DECA'}`,
      });
    }
    return verdict(violations);
  },
  plant(valid, context) {
    const { dossier } = premiereLigneConnue(valid, context, 'facture-dossier-numero-deca');
    return {
      payload: copie(valid),
      context: avecDossier(context, dossier.cerfa.numeroInterne, (d) => ({ ...d, cerfa: { ...d.cerfa, numeroDeca: null } })),
    };
  },
});
