// A call missing the software headers EDITEUR, LOGICIEL or VERSION is refused with 400.
import { defineRule } from '../rule.js';
import { judgeListed, refusAvecCode, withResponse } from './support.js';

export default defineRule({
  id: 'serveur-entetes-editeur-obligatoires',
  title: "Un appel sans les en-têtes EDITEUR, LOGICIEL et VERSION est refusé (400)",
  requirements: ['API-03'],
  severity: 'avertissement',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) => judgeListed(echange, 'serveur-entetes-editeur-obligatoires', (e) => refusAvecCode(e, [400])),
  plant: (valid) => ({ payload: withResponse(valid, 'serveur-entetes-editeur-obligatoires', { status: 200, body: { total: 0, count: 0, page: 1, EtatDossierResult: [] } }) }),
});
