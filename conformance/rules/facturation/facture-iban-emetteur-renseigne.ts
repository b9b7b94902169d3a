// FAQ rejection 4: the invoice carries the emitting CFA's IBAN.
import { defineRule, fail, pass } from '../rule.js';
import { copie, texteRenseigne } from '../support/facturation.js';

export default defineRule<'facture'>({
  id: 'facture-iban-emetteur-renseigne',
  title: 'L’IBAN de l’émetteur (CFA) n’est pas renseigné',
  requirements: ['FACT-04'],
  severity: 'bloquant',
  area: 'facturation',
  appliesTo: ['facture'],
  code: 'IBAN_ABSENT',
  check(facture) {
    if (texteRenseigne(facture.organismeFormation?.IBAN)) return pass();
    return fail({ path: 'organismeFormation.IBAN', expected: 'l’IBAN du CFA émetteur', received: 'absent' });
  },
  plant(valid) {
    const payload = copie(valid);
    delete payload.organismeFormation.IBAN;
    return { payload };
  },
});
