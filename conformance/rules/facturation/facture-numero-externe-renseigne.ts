// FAQ rejection 8: every line carries the OPCO's dossier number (numéro externe).
import { defineRule, verdict, type Violation } from '../rule.js';
import { copie, lignesDe, texteRenseigne } from '../support/facturation.js';

export default defineRule<'facture'>({
  id: 'facture-numero-externe-renseigne',
  title: 'Le numéro externe du dossier doit être renseigné',
  requirements: ['FACT-08'],
  severity: 'bloquant',
  area: 'facturation',
  appliesTo: ['facture'],
  code: 'NUMERO_EXTERNE_ABSENT',
  check(facture) {
    const violations: Violation[] = [];
    lignesDe(facture).forEach((ligne, i) => {
      if (!texteRenseigne(ligne.numeroExterneDossier)) {
        violations.push({ path: `lignes[${i}].numeroExterneDossier`, expected: 'le numéro du dossier chez l’OPCO', received: 'absent' });
      }
    });
    return verdict(violations);
  },
  plant(valid) {
    const payload = copie(valid);
    const ligne = payload.lignes[0];
    if (!ligne) throw new Error('facture-numero-externe-renseigne: plant needs a line');
    delete ligne.numeroExterneDossier;
    return { payload };
  },
});
