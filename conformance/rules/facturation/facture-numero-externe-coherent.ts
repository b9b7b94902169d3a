// When a line gives the OPCO's dossier number, it is the number the OPCO gave to that dossier.
import { defineRule, skip, verdict, type Violation } from '../rule.js';
import { copie, lignesConnues, premiereLigneConnue, SANS_DOSSIERS, texteRenseigne } from '../support/facturation.js';

export default defineRule<'facture'>({
  id: 'facture-numero-externe-coherent',
  title: 'Le numéro externe du dossier ne correspond pas à celui de l’OPCO',
  requirements: ['FACT-22'],
  severity: 'bloquant',
  area: 'facturation',
  appliesTo: ['facture'],
  code: 'NUMERO_EXTERNE_INCOHERENT',
  check(facture, context) {
    if (!context.dossiers) return skip(SANS_DOSSIERS);
    const violations: Violation[] = [];
    for (const { ligne, dossier, chemin } of lignesConnues(facture, context)) {
      // Absent: facture-numero-externe-renseigne; unknown dossier: facture-dossier-connu.
      if (!dossier || !texteRenseigne(ligne.numeroExterneDossier)) continue;
      if (ligne.numeroExterneDossier.trim() === dossier.cerfa.numeroExterne) continue;
      violations.push({ path: `${chemin}.numeroExterneDossier`, expected: dossier.cerfa.numeroExterne, received: ligne.numeroExterneDossier });
    }
    return verdict(violations);
  },
  plant(valid, context) {
    const { index } = premiereLigneConnue(valid, context, 'facture-numero-externe-coherent');
    const payload = copie(valid);
    const ligne = payload.lignes[index];
    if (ligne) ligne.numeroExterneDossier = `${ligne.numeroExterneDossier ?? 'OPCO'}-AUTRE`;
    return { payload };
  },
});
