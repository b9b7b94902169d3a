// A line's amount is its pedagogical amount + RQTH majoration + frais annexes (the totals the FAQ's amount checks rest on).
import { defineRule, verdict, type Violation } from '../rule.js';
import { ajouterAuMontant, cents, copie, euros, lignesDe } from '../support/facturation.js';

export default defineRule<'facture'>({
  id: 'facture-ligne-total-egal-somme',
  title: 'Le montant de la ligne doit correspondre à la somme du montant pédagogique, de la majoration RQTH et des frais annexes',
  requirements: ['FACT-19'],
  severity: 'bloquant',
  area: 'facturation',
  appliesTo: ['facture'],
  code: 'LIGNE_MONTANT_INCOHERENT',
  check(facture) {
    const violations: Violation[] = [];
    lignesDe(facture).forEach((ligne, i) => {
      const frais = (Array.isArray(ligne.fraisAnnexes) ? ligne.fraisAnnexes : []).reduce((acc, f) => acc + cents(f.montant), 0);
      const somme = cents(ligne.montantPedagogique) + cents(ligne.montantMajorationRQTH ?? 0) + frais;
      if (somme === cents(ligne.montant)) return;
      violations.push({
        path: `lignes[${i}].montant`,
        expected: `${euros(somme / 100)} (pédagogique + majoration RQTH + frais annexes)`,
        received: euros(ligne.montant),
      });
    });
    return verdict(violations);
  },
  plant(valid) {
    const payload = copie(valid);
    if (payload.lignes.length === 0) throw new Error('facture-ligne-total-egal-somme: plant needs a line');
    // The invoice total follows the line, so only the line is inconsistent.
    ajouterAuMontant(payload, 0, 1);
    return { payload };
  },
});
