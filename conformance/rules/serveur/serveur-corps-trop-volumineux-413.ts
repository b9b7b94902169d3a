// An oversized request body is refused with 413 Payload Too Large.
import { defineRule } from '../rule.js';
import { judgeListed, refusAvecCode, withResponse } from './support.js';

export default defineRule({
  id: 'serveur-corps-trop-volumineux-413',
  title: "Un corps de requête démesuré est refusé (413) sans faire tomber le serveur",
  requirements: ['SRV-04'],
  severity: 'avertissement',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) => judgeListed(echange, 'serveur-corps-trop-volumineux-413', (e) => refusAvecCode(e, [413])),
  plant: (valid) => ({ payload: withResponse(valid, 'serveur-corps-trop-volumineux-413', { status: 400, body: { errors: [{ code: 'REQUETE_INVALIDE', description: 'invalide' }] } }) }),
});
