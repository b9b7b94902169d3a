// GET /cfakeyinfo says a valid CFA key is valid and until when, so software can warn the CFA before the key expires.
import { defineRule, type Violation } from '../rule.js';
import { judgeListed, show, valueAt, withResponse } from './support.js';

export default defineRule({
  id: 'serveur-cle-api-info',
  title: "GET /cfakeyinfo confirme la validité d'une clé CFA valide et donne sa date de fin de validité au format date",
  requirements: ['API-12'],
  severity: 'avertissement',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) =>
    judgeListed(echange, 'serveur-cle-api-info', (e) => {
      const violations: Violation[] = [];
      const { status, body } = e.response;
      if (status !== 200) violations.push({ path: '(statut HTTP)', expected: '200', received: String(status) });
      const resultat = valueAt(body, 'status');
      if (resultat !== 'success') violations.push({ path: 'status', expected: 'success (la clé envoyée est valide)', received: show(resultat) });
      // Whether the date is past is not judged: a test server's clock may be moved (the mock's admin clock).
      const fin = valueAt(body, 'dateFinValidite');
      if (fin !== undefined && fin !== null && (typeof fin !== 'string' || Number.isNaN(Date.parse(fin.slice(0, 10))) || !/^\d{4}-\d{2}-\d{2}/.test(fin))) {
        violations.push({ path: 'dateFinValidite', expected: 'une date AAAA-MM-JJ', received: show(fin) });
      }
      return violations;
    }),
  plant: (valid) => ({ payload: withResponse(valid, 'serveur-cle-api-info', { body: { status: 'error', dateFinValidite: null, comment: 'Clé inconnue' } }) }),
});
