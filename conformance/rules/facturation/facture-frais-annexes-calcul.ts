// A frais annexe amount is its quantity × unit price (e.g. 100 meals × 3 € = 300 €, research §1.8).
import { defineRule, verdict, type Violation } from '../rule.js';
import { ajouterAuMontant, ajouterFrais, cents, copie, euros, lignesDe } from '../support/facturation.js';

export default defineRule<'facture'>({
  id: 'facture-frais-annexes-calcul',
  title: 'Le montant des frais annexes doit être égal à la quantité multipliée par le prix unitaire',
  requirements: ['FACT-20'],
  severity: 'bloquant',
  area: 'facturation',
  appliesTo: ['facture'],
  code: 'FRAIS_ANNEXES_CALCUL',
  check(facture) {
    const violations: Violation[] = [];
    lignesDe(facture).forEach((ligne, i) => {
      (Array.isArray(ligne.fraisAnnexes) ? ligne.fraisAnnexes : []).forEach((frais, j) => {
        const attendu = Math.round(cents(frais.prixUnitaire) * frais.quantite);
        if (attendu === cents(frais.montant)) return;
        violations.push({
          path: `lignes[${i}].fraisAnnexes[${j}].montant`,
          expected: `${euros(attendu / 100)} (${frais.quantite} × ${euros(frais.prixUnitaire)})`,
          received: euros(frais.montant),
        });
      });
    });
    return verdict(violations);
  },
  plant(valid, context) {
    const payload = copie(valid);
    for (const [i, ligne] of payload.lignes.entries()) {
      const frais = ligne.fraisAnnexes?.find((f) => f.montant >= 0.01);
      if (!frais) continue;
      // One cent less than quantity × price never goes past a cap nor a commitment; line and invoice totals follow.
      frais.montant = Math.round((frais.montant - 0.01) * 100) / 100;
      ajouterAuMontant(payload, i, -0.01);
      return { payload };
    }
    // No frais annexe: one meal at 3 € invoiced 2,99 €, which the OPCO is made to have committed.
    if (payload.lignes.length === 0) throw new Error('facture-frais-annexes-calcul: plant needs a line');
    const contexte = ajouterFrais(payload, context, 0, { nature: 'RESTAURATION', quantite: 1, prixUnitaire: 3, montant: 2.99 });
    return contexte ? { payload, context: contexte } : { payload };
  },
});
