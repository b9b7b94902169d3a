// A body that is not valid JSON is refused with 400 and the norm's error list, never accepted nor a 5xx.
import { defineRule } from '../rule.js';
import { judgeListed, refusAvecCode, withResponse } from './support.js';

export default defineRule({
  id: 'serveur-json-malforme-400',
  title: "Un corps qui n'est pas du JSON valide est refusé par une erreur 400 de la norme",
  requirements: ['SRV-03'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) => judgeListed(echange, 'serveur-json-malforme-400', (e) => refusAvecCode(e, [400])),
  plant: (valid) => ({ payload: withResponse(valid, 'serveur-json-malforme-400', { status: 201, body: { etat: 'TRANSMIS' } }) }),
});
