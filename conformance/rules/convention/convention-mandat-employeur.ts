// Seed 003: a contract sent through the API whose convention does not state the employer's mandate must be regularised (the CERFA deposit carries no mandate).
import { defineRule, fail, pass } from '../rule.js';
import { copie } from '../support/facturation.js';

export default defineRule<'convention'>({
  id: 'convention-mandat-employeur',
  title: 'La convention doit mentionner l’acceptation du mandat de gestion par l’employeur',
  requirements: ['CONV-02', 'CERFA-01'],
  // Not a rejection: the FAQ asks the CFA to regularise the dossier with the OPCO.
  severity: 'avertissement',
  area: 'convention',
  appliesTo: ['convention'],
  code: 'MANDAT_EMPLOYEUR_ABSENT',
  check(convention) {
    if (convention.mandatEmployeur === true) return pass();
    return fail({
      path: 'mandatEmployeur',
      expected: 'true (mandat de gestion accepté par l’employeur)',
      received: String(convention.mandatEmployeur),
      message: 'Sans mandat de gestion, le dossier transmis par l’API devra être remis en conformité auprès de l’OPCO',
    });
  },
  plant(valid) {
    return { payload: { ...copie(valid), mandatEmployeur: false } };
  },
});
