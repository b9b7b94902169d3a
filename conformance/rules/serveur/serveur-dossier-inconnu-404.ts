// Reading a dossier by an unknown numeroInterne answers 404 (or the profile's 400) with the norm's error list.
import { defineRule } from '../rule.js';
import { judgeListed, refusAvecCode, withResponse } from './support.js';

export default defineRule({
  id: 'serveur-dossier-inconnu-404',
  title: "La lecture d'un dossier par un numeroInterne inconnu répond 404 (400 pour les OPCO qui le déclarent dans leur profil)",
  requirements: ['API-10'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) => judgeListed(echange, 'serveur-dossier-inconnu-404', (e) => refusAvecCode(e, [404, 400])),
  plant: (valid) => ({ payload: withResponse(valid, 'serveur-dossier-inconnu-404', { status: 200, body: { cerfa: { etat: 'TRANSMIS' } } }) }),
});
