// FAQ rejection 12: each line invoices an échéance number that exists in the dossier's échéancier.
import { defineRule, skip, verdict, type Violation } from '../rule.js';
import { copie, estEngage, lignesConnues, premiereLigneConnue, SANS_DOSSIERS } from '../support/facturation.js';

export default defineRule<'facture'>({
  id: 'facture-numero-echeance-connu',
  title: 'Le numéro d’échéance est inconnu',
  requirements: ['FACT-12'],
  severity: 'bloquant',
  area: 'facturation',
  appliesTo: ['facture'],
  code: 'NUMERO_ECHEANCE_INCONNU',
  check(facture, context) {
    if (!context.dossiers) return skip(SANS_DOSSIERS);
    const violations: Violation[] = [];
    for (const { ligne, dossier, echeance, chemin } of lignesConnues(facture, context)) {
      // An unknown dossier is facture-dossier-connu's finding; one not engaged yet (so without échéancier) is
      // facture-dossier-numero-deca's: an invoice sent before engagement is rejected once, as not invoiceable.
      if (!dossier || echeance || !estEngage(dossier)) continue;
      const numeros = dossier.echeances.map((e) => e.numero).join(', ');
      violations.push({
        path: `${chemin}.numeroEcheance`,
        expected: numeros === '' ? 'aucune échéance pour ce dossier' : `un numéro d’échéance du dossier (${numeros})`,
        received: String(ligne.numeroEcheance),
      });
    }
    return verdict(violations);
  },
  plant(valid, context) {
    const { index, dossier, echeance } = premiereLigneConnue(valid, context, 'facture-numero-echeance-connu');
    const inconnu = Math.max(...dossier.echeances.map((e) => e.numero)) + 1;
    const payload = copie(valid);
    const ligne = payload.lignes[index];
    if (ligne) ligne.numeroEcheance = inconnu;
    // The embedded certificat follows its line, so that only the number is wrong.
    const certificat = payload.certificatRealisation;
    if (certificat && certificat.numeroInterneDossier === ligne?.numeroInterneDossier && certificat.echeance.numero === echeance.numero) {
      certificat.echeance.numero = inconnu;
      delete certificat.echeance.codification;
    }
    return { payload };
  },
});
