// CDV-11: in version 1 a transmitted dossier is only read: modifying or deleting it is no operation of the norm, and it stays as sent.
import { defineRule, type Violation } from '../rule.js';
import { judgeListed, withResponse } from './support.js';

/** What a server answers to an operation it does not offer. */
const ABSENTE = [404, 405, 501];

export default defineRule({
  id: 'serveur-dossier-non-modifiable',
  title: "En version 1, un dossier transmis se consulte mais ne se modifie pas : PUT et DELETE sont refusés, le dossier reste inchangé",
  requirements: ['CDV-11'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) =>
    judgeListed(echange, 'serveur-dossier-non-modifiable', (e): Violation[] => {
      // A read after the attempts: the step's expected values (the dossier as sent) are judged by judgeListed.
      if (e.request.method === 'GET') return [];
      return ABSENTE.includes(e.response.status)
        ? []
        : [{ path: '(statut HTTP)', expected: `${ABSENTE.join(', ')} (aucune opération de modification en version 1)`, received: String(e.response.status) }];
    }),
  plant: (valid) => ({
    payload: withResponse({ ...valid, request: { ...valid.request, method: 'PUT' } }, 'serveur-dossier-non-modifiable', { status: 200, body: { numeroInterne: 'A', etat: 'TRANSMIS' } }),
  }),
});
