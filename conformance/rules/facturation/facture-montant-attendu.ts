// FAQ rejection 10: what a line invoices (pedagogical + RQTH) is what remains due on the échéance.
import { defineRule, skip, verdict, type Violation } from '../rule.js';
import { ajouterAuMontant, cents, copie, euros, lignesConnues, premiereLigneConnue, SANS_DOSSIERS } from '../support/facturation.js';

/**
 * Our reading of "Le montant ne correspond pas au montant attendu" (the FAQ gives no detail): the lines of one
 * invoice for one échéance invoice, pedagogical amount + RQTH majoration, exactly what the OPCO has not yet paid nor
 * started paying: montantTotal − montantRegle − montantEnCoursInstruction. Frais annexes are judged apart.
 */
export default defineRule<'facture'>({
  id: 'facture-montant-attendu',
  title: 'Le montant ne correspond pas au montant attendu',
  requirements: ['FACT-10'],
  severity: 'bloquant',
  area: 'facturation',
  appliesTo: ['facture'],
  code: 'MONTANT_INCORRECT',
  check(facture, context) {
    if (!context.dossiers) return skip(SANS_DOSSIERS);
    const groupes = new Map<string, { chemin: string; factures: number; attendu: number; numero: number }>();
    for (const { ligne, echeance, chemin } of lignesConnues(facture, context)) {
      if (!echeance) continue;
      const cle = `${ligne.numeroInterneDossier}\u0000${echeance.numero}`;
      const groupe = groupes.get(cle) ?? {
        chemin,
        factures: 0,
        attendu: cents(echeance.montantTotal) - cents(echeance.montantRegle) - cents(echeance.montantEnCoursInstruction),
        numero: echeance.numero,
      };
      groupe.factures += cents(ligne.montantPedagogique) + cents(ligne.montantMajorationRQTH ?? 0);
      groupes.set(cle, groupe);
    }
    const violations: Violation[] = [];
    for (const g of groupes.values()) {
      if (g.factures === g.attendu) continue;
      violations.push({
        path: `${g.chemin}.montantPedagogique`,
        expected: `${euros(g.attendu / 100)} restant dû sur l’échéance ${g.numero} (pédagogique + majoration RQTH)`,
        received: euros(g.factures / 100),
      });
    }
    return verdict(violations);
  },
  plant(valid, context) {
    const { index } = premiereLigneConnue(valid, context, 'facture-montant-attendu');
    const payload = copie(valid);
    const ligne = payload.lignes[index];
    if (!ligne) throw new Error('facture-montant-attendu: no line');
    // 100 € less invoiced, with the line and invoice totals still adding up.
    ligne.montantPedagogique = Math.round((ligne.montantPedagogique - 100) * 100) / 100;
    ajouterAuMontant(payload, index, -100);
    return { payload };
  },
});
