// FAQ rejection 3 (commitment half): frais annexes invoiced for a dossier stay within what the OPCO committed for each nature.
import { plafondNature } from '../../financing/index.js';
import type { FraisAnnexe } from '../../model/payloads.js';
import { defineRule, skip, verdict, type Violation } from '../rule.js';
import { ajouterAuMontant, cents, copie, dossierDe, estEngage, euros, lignesDe, SANS_DOSSIERS } from '../support/facturation.js';

type Nature = FraisAnnexe['nature'];

export default defineRule<'facture'>({
  id: 'facture-frais-annexes-montant-engage',
  title: 'Le montant des frais annexes excède le montant engagé',
  requirements: ['FACT-03'],
  severity: 'bloquant',
  area: 'facturation',
  appliesTo: ['facture'],
  code: 'FRAIS_ANNEXES_DEPASSEMENT',
  check(facture, context) {
    if (!context.dossiers) return skip(SANS_DOSSIERS);
    const violations: Violation[] = [];
    // Per dossier and nature, cumulated over the invoice's lines. The read model gives no amount already paid per
    // nature, so earlier invoices are not deducted, except the one-off natures flagged as paid (…Regles).
    const cumuls = new Map<string, number>();
    lignesDe(facture).forEach((ligne, i) => {
      const dossier = dossierDe(context, ligne.numeroInterneDossier);
      // Nothing is committed before engagement: facture-dossier-numero-deca reports such a line.
      if (!dossier || !estEngage(dossier)) return;
      (Array.isArray(ligne.fraisAnnexes) ? ligne.fraisAnnexes : []).forEach((frais, j) => {
        const cle = `${ligne.numeroInterneDossier}\u0000${frais.nature}`;
        const cumul = (cumuls.get(cle) ?? 0) + cents(frais.montant);
        cumuls.set(cle, cumul);
        let engage = dossier.engagementsFraisAnnexe
          .filter((e) => e.natureFrais === (frais.nature as Nature))
          .reduce((sum, e) => sum + cents(e.montantTotal), 0);
        const details = dossier.detailsFacturation;
        if (frais.nature === 'PREMIER_EQUIPEMENT' && details) {
          engage = details.fraisPremierEquipementRegles ? 0 : Math.min(engage, cents(details.plafondFraisPremierEquipement));
        }
        if (frais.nature === 'MOBILITE_INTERNATIONALE' && details?.fraisMobiliteRegles) engage = 0;
        if (cumul > engage) {
          violations.push({
            path: `lignes[${i}].fraisAnnexes[${j}].montant`,
            expected: `au plus ${euros(engage / 100)} engagés par l’OPCO (${frais.nature})`,
            received: euros(cumul / 100),
          });
        }
      });
    });
    return verdict(violations);
  },
  plant(valid, context) {
    const payload = copie(valid);
    const engage = (numeroInterneDossier: string, nature: Nature): number =>
      (dossierDe(context, numeroInterneDossier)?.engagementsFraisAnnexe ?? [])
        .filter((e) => e.natureFrais === nature)
        .reduce((sum, e) => sum + cents(e.montantTotal), 0);
    const facture = (numeroInterneDossier: string, nature: Nature): number =>
      payload.lignes
        .filter((l) => l.numeroInterneDossier === numeroInterneDossier)
        .flatMap((l) => l.fraisAnnexes ?? [])
        .filter((f) => f.nature === nature)
        .reduce((sum, f) => sum + cents(f.montant), 0);
    // Per-unit natures only: more units at the same (capped) unit price go past the commitment, not past the cap.
    for (const [i, ligne] of payload.lignes.entries()) {
      if (!dossierDe(context, ligne.numeroInterneDossier)) continue;
      for (const frais of ligne.fraisAnnexes ?? []) {
        if ((frais.nature !== 'RESTAURATION' && frais.nature !== 'HEBERGEMENT') || !(frais.prixUnitaire > 0)) continue;
        const autres = facture(ligne.numeroInterneDossier, frais.nature) - cents(frais.montant);
        const avant = frais.montant;
        frais.quantite = Math.floor((engage(ligne.numeroInterneDossier, frais.nature) - autres) / cents(frais.prixUnitaire)) + 1;
        frais.montant = Math.round(frais.prixUnitaire * frais.quantite * 100) / 100;
        ajouterAuMontant(payload, i, frais.montant - avant);
        return { payload };
      }
    }
    // No meal nor night on the invoice: meals at the cap, one more than the OPCO committed.
    const index = payload.lignes.findIndex((l) => dossierDe(context, l.numeroInterneDossier));
    const ligne = payload.lignes[index];
    if (!ligne) throw new Error('facture-frais-annexes-montant-engage: plant needs a line whose dossier is in context.dossiers');
    const date = dossierDe(context, ligne.numeroInterneDossier)?.cerfa.contrat.dateConclusion ?? valid.dateFacture;
    const cap = plafondNature('RESTAURATION', date);
    const prix = cap.par === 'unite' ? cap.montant : 3;
    const quantite = Math.floor((engage(ligne.numeroInterneDossier, 'RESTAURATION') - facture(ligne.numeroInterneDossier, 'RESTAURATION')) / Math.round(prix * 100)) + 1;
    const montant = Math.round(prix * quantite * 100) / 100;
    ligne.fraisAnnexes = [...(ligne.fraisAnnexes ?? []), { nature: 'RESTAURATION', quantite, prixUnitaire: prix, montant }];
    ajouterAuMontant(payload, index, montant);
    return { payload };
  },
});
