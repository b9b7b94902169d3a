// FAQ rejection 5: the échéance amount stated on a line is the one the OPCO's échéancier holds (montantTotal).
import { defineRule, skip, verdict, type Violation } from '../rule.js';
import { cents, copie, euros, lignesConnues, premiereLigneConnue, SANS_DOSSIERS } from '../support/facturation.js';

export default defineRule<'facture'>({
  id: 'facture-montant-echeance-attendu',
  title: 'Le montant de l’échéance ne correspond pas au montant attendu',
  requirements: ['FACT-05'],
  severity: 'bloquant',
  area: 'facturation',
  appliesTo: ['facture'],
  code: 'MONTANT_ECHEANCE_INCORRECT',
  check(facture, context) {
    if (!context.dossiers) return skip(SANS_DOSSIERS);
    const violations: Violation[] = [];
    for (const { ligne, echeance, chemin } of lignesConnues(facture, context)) {
      if (!echeance || cents(ligne.montantEcheance) === cents(echeance.montantTotal)) continue;
      violations.push({
        path: `${chemin}.montantEcheance`,
        expected: `${euros(echeance.montantTotal)} (montant total de l’échéance ${echeance.numero})`,
        received: euros(ligne.montantEcheance),
      });
    }
    return verdict(violations);
  },
  plant(valid, context) {
    const { index } = premiereLigneConnue(valid, context, 'facture-montant-echeance-attendu');
    const payload = copie(valid);
    const ligne = payload.lignes[index];
    if (ligne) ligne.montantEcheance = Math.round((ligne.montantEcheance + 100) * 100) / 100;
    return { payload };
  },
});
