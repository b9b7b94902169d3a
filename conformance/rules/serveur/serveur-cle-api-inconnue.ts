// A call with a key the OPCO does not know is refused (401/403) and the answer carries no dossier data.
import { defineRule } from '../rule.js';
import { judgeListed, refusWithoutData, withResponse } from './support.js';

export default defineRule({
  id: 'serveur-cle-api-inconnue',
  title: "Un appel avec une clé d'API inconnue de l'OPCO est refusé (401 ou 403) sans exposer de donnée",
  requirements: ['API-01', 'API-02'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) => judgeListed(echange, 'serveur-cle-api-inconnue', refusWithoutData),
  plant: (valid) => ({ payload: withResponse(valid, 'serveur-cle-api-inconnue', { status: 200, body: { total: 0, count: 0, page: 1, EtatDossierResult: [] } }) }),
});
