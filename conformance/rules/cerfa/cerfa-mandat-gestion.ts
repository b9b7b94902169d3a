// A CERFA sent through the API is sent under the employer's management mandate (FAQ inter-OPCO, seed 003).
import { defineRule, fail } from '../rule.js';
import { avec, PASSE } from '../identifiants/champs.js';

export default defineRule({
  id: 'cerfa-mandat-gestion',
  title: 'Le mandat de gestion de l’employeur doit être accepté',
  requirements: ['CERFA-01'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    if (cerfa.mandatGestion === true) return PASSE;
    return fail({
      path: 'mandatGestion',
      expected: 'true',
      received: cerfa.mandatGestion === undefined ? 'absent' : JSON.stringify(cerfa.mandatGestion),
      message: 'Le contrat transmis sans acceptation du mandat de gestion par l’employeur devra être remis en conformité',
    });
  },
  plant(valid) {
    return { payload: avec(valid, 'mandatGestion', false) };
  },
});
