// FAQ rejection 3 (cap half): frais annexes within the regulatory caps — 6 € a night, 3 € a meal, 500 € of first equipment per contract.
import { plafondNature } from '../../financing/index.js';
import type { Facture } from '../../model/payloads.js';
import { defineRule, verdict, type RuleContext, type Violation } from '../rule.js';
import { ajouterAuMontant, ajouterFrais, cents, copie, dossierDe, euros, lignesDe } from '../support/facturation.js';

/** Caps are those in force at the contract's conclusion when the OPCO's dossier is known, else at the invoice date. */
function dateDesPlafonds(facture: Facture, context: RuleContext, numeroInterneDossier: string): unknown {
  return dossierDe(context, numeroInterneDossier)?.cerfa.contrat.dateConclusion ?? facture.dateFacture;
}

export default defineRule<'facture'>({
  id: 'facture-frais-annexes-plafond',
  title: 'Le montant des frais annexes excède le plafond',
  requirements: ['FACT-03', 'FIN-17', 'FIN-18', 'FIN-19'],
  severity: 'bloquant',
  area: 'facturation',
  appliesTo: ['facture'],
  code: 'FRAIS_ANNEXES_DEPASSEMENT',
  check(facture, context) {
    const violations: Violation[] = [];
    const premierEquipement = new Map<string, number>();
    lignesDe(facture).forEach((ligne, i) => {
      const date = dateDesPlafonds(facture, context, ligne.numeroInterneDossier);
      (Array.isArray(ligne.fraisAnnexes) ? ligne.fraisAnnexes : []).forEach((frais, j) => {
        const chemin = `lignes[${i}].fraisAnnexes[${j}]`;
        const cap = typeof date === 'string' ? plafondNature(frais.nature, date) : { par: 'aucun' as const };
        if (cap.par === 'unite') {
          if (cents(frais.prixUnitaire) > cents(cap.montant)) {
            violations.push({ path: `${chemin}.prixUnitaire`, expected: `au plus ${euros(cap.montant)} par unité (${frais.nature})`, received: euros(frais.prixUnitaire) });
          }
          const maximum = Math.round(cents(cap.montant) * (Number.isFinite(frais.quantite) ? frais.quantite : 0));
          if (cents(frais.montant) > maximum) {
            violations.push({ path: `${chemin}.montant`, expected: `au plus ${euros(maximum / 100)} (${frais.quantite} × ${euros(cap.montant)})`, received: euros(frais.montant) });
          }
        } else if (cap.par === 'contrat') {
          const cumul = (premierEquipement.get(ligne.numeroInterneDossier) ?? 0) + cents(frais.montant);
          premierEquipement.set(ligne.numeroInterneDossier, cumul);
          if (cumul > cents(cap.montant)) {
            violations.push({ path: `${chemin}.montant`, expected: `au plus ${euros(cap.montant)} de premier équipement par contrat`, received: euros(cumul / 100) });
          }
        }
      });
    });
    return verdict(violations);
  },
  plant(valid, context) {
    const payload = copie(valid);
    const capUnitaire = (nature: 'RESTAURATION' | 'HEBERGEMENT', numeroInterneDossier: string): number => {
      const date = dateDesPlafonds(valid, context, numeroInterneDossier);
      const cap = typeof date === 'string' ? plafondNature(nature, date) : undefined;
      return cap?.par === 'unite' ? cap.montant : 3;
    };
    for (const [i, ligne] of payload.lignes.entries()) {
      for (const frais of ligne.fraisAnnexes ?? []) {
        if (frais.nature !== 'RESTAURATION' && frais.nature !== 'HEBERGEMENT') continue;
        // Fewer units, each half a euro above the cap, for no more money: only the cap is broken, not the commitment.
        const prix = capUnitaire(frais.nature, ligne.numeroInterneDossier) + 0.5;
        const quantite = Math.floor(frais.montant / prix);
        if (quantite < 1) continue;
        const avant = frais.montant;
        frais.prixUnitaire = prix;
        frais.quantite = quantite;
        frais.montant = Math.round(prix * quantite * 100) / 100;
        ajouterAuMontant(payload, i, frais.montant - avant);
        return { payload };
      }
    }
    // No meal or night to overprice: one meal above the cap, which the OPCO is made to have committed.
    const ligne = payload.lignes[0];
    if (!ligne) throw new Error('facture-frais-annexes-plafond: plant needs a line');
    const prix = capUnitaire('RESTAURATION', ligne.numeroInterneDossier) + 0.5;
    const contexte = ajouterFrais(payload, context, 0, { nature: 'RESTAURATION', quantite: 1, prixUnitaire: prix, montant: prix });
    return contexte ? { payload, context: contexte } : { payload };
  },
});
