// Another CFA's dossier is answered exactly like an unknown one: never shown to a CFA that did not send it.
import { defineRule } from '../rule.js';
import { judgeListed, refusAvecCode, withResponse } from './support.js';

export default defineRule({
  id: 'serveur-isolation-dossier',
  title: "Le dossier d'un autre CFA est invisible : il est répondu comme un dossier inconnu",
  requirements: ['SRV-05', 'API-01'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) => judgeListed(echange, 'serveur-isolation-dossier', (e) => refusAvecCode(e, [404, 400])),
  plant: (valid) => ({ payload: withResponse(valid, 'serveur-isolation-dossier', { status: 200, body: { cerfa: { numeroInterne: 'AUTRE', etat: 'ENGAGE' } } }) }),
});
