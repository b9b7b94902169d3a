// A second deposit under a numeroInterne already received is refused (409, or a 4xx naming numeroInterne), never 201.
import { defineRule, type Violation } from '../rule.js';
import { isObject, judgeListed, valueAt, withResponse } from './support.js';

const ID = 'serveur-redepot-refuse';

/** Whether an error body names numeroInterne: in a champ, a code or a description. */
function nommeNumeroInterne(body: unknown): boolean {
  const errors = valueAt(body, 'errors');
  const items = Array.isArray(errors) ? errors.filter(isObject) : [];
  return items.some((e) => /numero\s*interne|numéro\s*interne|numeroInterne/i.test(`${String(e.champ ?? '')} ${String(e.code ?? '')} ${String(e.description ?? e.message ?? '')}`));
}

export default defineRule({
  id: ID,
  title: 'Un second dépôt sous un numeroInterne déjà reçu est refusé (409, ou erreur 4xx nommant numeroInterne), jamais accepté',
  requirements: ['SRV-10'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) =>
    judgeListed(echange, ID, (e): Violation[] => {
      const { status, body } = e.response;
      if (status === 409) return [];
      if (status >= 400 && status < 500 && nommeNumeroInterne(body)) return [];
      const recu = status >= 400 && status < 500 ? `${status} sans mention de numeroInterne` : String(status);
      return [{ path: '(statut HTTP)', expected: '409, ou une erreur 4xx dont errors[] nomme numeroInterne', received: recu }];
    }),
  plant: (valid) => ({ payload: withResponse(valid, ID, { status: 201, body: { numeroInterne: 'A', numeroExterne: 'NORME-2025-000001', etat: 'TRANSMIS' } }) }),
});
