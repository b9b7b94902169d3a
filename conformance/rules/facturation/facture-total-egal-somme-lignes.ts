// FAQ rejection 11: the invoice total is the sum of its lines' amounts (to the cent).
import { defineRule, fail, pass } from '../rule.js';
import { cents, copie, euros, lignesDe } from '../support/facturation.js';

export default defineRule<'facture'>({
  id: 'facture-total-egal-somme-lignes',
  title: 'Le montant total de la facture doit correspondre à la somme des montants des lignes',
  requirements: ['FACT-11'],
  severity: 'bloquant',
  area: 'facturation',
  appliesTo: ['facture'],
  code: 'TOTAL_DIFFERENT_SOMME_LIGNES',
  check(facture) {
    const somme = lignesDe(facture).reduce((acc, ligne) => acc + cents(ligne.montant), 0);
    if (somme === cents(facture.montantTotal)) return pass();
    return fail({ path: 'montantTotal', expected: `${euros(somme / 100)} (somme des lignes)`, received: euros(facture.montantTotal) });
  },
  plant(valid) {
    const payload = copie(valid);
    payload.montantTotal = Math.round((payload.montantTotal + 1) * 100) / 100;
    return { payload };
  },
});
