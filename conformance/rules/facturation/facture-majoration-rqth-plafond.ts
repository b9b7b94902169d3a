// The RQTH majoration invoiced for a dossier stays within the annual cap (4 000 € a year of execution from 2021-01-01).
import { plafondMajorationRQTH } from '../../financing/index.js';
import { defineRule, verdict, type Violation } from '../rule.js';
import { ajouterAuMontant, avecDossier, cents, copie, euros, lignesConnues, premiereLigneConnue } from '../support/facturation.js';

export default defineRule<'facture'>({
  id: 'facture-majoration-rqth-plafond',
  title: 'La majoration RQTH facturée ne peut excéder le plafond annuel',
  requirements: ['FIN-10'],
  severity: 'bloquant',
  area: 'facturation',
  appliesTo: ['facture'],
  code: 'MAJORATION_RQTH_PLAFOND',
  check(facture, context) {
    const violations: Violation[] = [];
    // One line never exceeds a year's cap; with the OPCO's échéancier, the lines of one contract year together neither.
    const parAnnee = new Map<string, number>();
    for (const { ligne, dossier, echeance, chemin } of lignesConnues(facture, context)) {
      const rqth = ligne.montantMajorationRQTH;
      if (rqth === undefined) continue;
      // The cap in force at the contract's conclusion when the dossier is known, else at the invoice date.
      const date = dossier?.cerfa.contrat.dateConclusion ?? facture.dateFacture;
      const plafond = typeof date === 'string' ? plafondMajorationRQTH(date) : undefined;
      if (plafond === undefined) continue;
      let cumul = cents(rqth);
      if (echeance?.dateDebut) {
        const cle = `${ligne.numeroInterneDossier}\u0000${echeance.dateDebut}`;
        cumul += parAnnee.get(cle) ?? 0;
        parAnnee.set(cle, cumul);
      }
      if (cumul > cents(plafond)) {
        violations.push({ path: `${chemin}.montantMajorationRQTH`, expected: `au plus ${euros(plafond)} par année d’exécution`, received: euros(cumul / 100) });
      }
    }
    return verdict(violations);
  },
  plant(valid, context) {
    const payload = copie(valid);
    const plafond = plafondMajorationRQTH(valid.dateFacture) ?? 4000;
    const rqth = plafond + 0.01;
    if (!context.dossiers) {
      const ligne = payload.lignes[0];
      if (!ligne) throw new Error('facture-majoration-rqth-plafond: plant needs a line');
      ajouterAuMontant(payload, 0, rqth - (ligne.montantMajorationRQTH ?? 0));
      ligne.montantMajorationRQTH = rqth;
      return { payload };
    }
    // With an échéancier, the OPCO's échéance carries the same (excessive) majoration, so only the cap is broken.
    const { index, dossier, echeance } = premiereLigneConnue(valid, context, 'facture-majoration-rqth-plafond');
    const ligne = payload.lignes[index];
    if (!ligne) throw new Error('facture-majoration-rqth-plafond: no line');
    const delta = rqth - echeance.montantMajorationRQTH;
    const total = Math.round((echeance.montantTotal + delta) * 100) / 100;
    ajouterAuMontant(payload, index, rqth - (ligne.montantMajorationRQTH ?? 0));
    ligne.montantMajorationRQTH = rqth;
    ligne.montantEcheance = total;
    return {
      payload,
      context: avecDossier(context, dossier.cerfa.numeroInterne, (d) => ({
        ...d,
        echeances: d.echeances.map((e) => (e.numero === echeance.numero ? { ...e, montantMajorationRQTH: rqth, montantTotal: total } : e)),
      })),
    };
  },
});
