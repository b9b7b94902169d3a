// A call without X-API-KEY is refused (401/403) and the answer carries no dossier data.
import { defineRule } from '../rule.js';
import { judgeListed, refusWithoutData, withResponse } from './support.js';

export default defineRule({
  id: 'serveur-cle-api-absente',
  title: "Un appel sans clé d'API (X-API-KEY) est refusé (401 ou 403) sans exposer de donnée",
  requirements: ['API-01', 'API-02', 'API-05'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) => judgeListed(echange, 'serveur-cle-api-absente', refusWithoutData),
  plant: (valid) => ({ payload: withResponse(valid, 'serveur-cle-api-absente', { status: 200, body: { total: 1, count: 1, page: 1, EtatDossierResult: [] } }) }),
});
