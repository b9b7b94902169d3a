// A valid CERFA is accepted at once (201) with state TRANSMIS and the OPCO's numeroExterne.
import { defineRule } from '../rule.js';
import { depotTransmis, judgeListed, withResponse } from './support.js';

export default defineRule({
  id: 'serveur-depot-cerfa-transmis',
  title: "Un CERFA valide est accepté à l'état TRANSMIS avec un numeroExterne de l'OPCO",
  requirements: ['CDV-01', 'API-14'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) => judgeListed(echange, 'serveur-depot-cerfa-transmis', depotTransmis),
  plant: (valid) => ({ payload: withResponse(valid, 'serveur-depot-cerfa-transmis', { status: 201, body: { numeroInterne: 'X', etat: 'TRANSMIS' } }) }),
});
