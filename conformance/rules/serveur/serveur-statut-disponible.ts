// GET /status answers 200 and says whether the OPCO's API is available, so a CFA can test its connection first.
import { defineRule, type Violation } from '../rule.js';
import { judgeListed, show, valueAt, withResponse } from './support.js';

const ETATS = ['healthy', 'degraded', 'unhealthy'];

export default defineRule({
  id: 'serveur-statut-disponible',
  title: "GET /status répond 200 et indique la disponibilité de l'API (healthy, degraded ou unhealthy)",
  requirements: ['API-13'],
  severity: 'avertissement',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) =>
    judgeListed(echange, 'serveur-statut-disponible', (e) => {
      const violations: Violation[] = [];
      if (e.response.status !== 200) violations.push({ path: '(statut HTTP)', expected: '200', received: String(e.response.status) });
      const status = valueAt(e.response.body, 'status');
      if (typeof status !== 'string' || !ETATS.includes(status)) violations.push({ path: 'status', expected: ETATS.join(', '), received: show(status) });
      return violations;
    }),
  plant: (valid) => ({ payload: withResponse(valid, 'serveur-statut-disponible', { body: { status: 'ok' } }) }),
});
