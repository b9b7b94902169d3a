// Error answers are machine-readable: `application/problem+json`, or JSON carrying `errors[]`.
import { defineRule, fail, notApplicable, pass } from '../rule.js';
import { copie, isErrorStatus, valueAt } from './support.js';

export default defineRule({
  id: 'serveur-erreur-type-contenu',
  title: "Une réponse d'erreur est du JSON (application/problem+json, ou application/json portant errors[])",
  requirements: ['API-08'],
  severity: 'avertissement',
  area: 'serveur',
  appliesTo: ['echange'],
  check(echange) {
    const { status, headers, body } = echange.response;
    if (!isErrorStatus(status)) return notApplicable(`réponse ${status}, pas une erreur`);
    const type = (headers['content-type'] ?? '').toLowerCase();
    if (type.startsWith('application/problem+json')) return pass();
    if (/^application\/([\w.-]+\+)?json/.test(type) && Array.isArray(valueAt(body, 'errors'))) return pass();
    return fail({ path: '(en-tête Content-Type)', expected: 'application/problem+json, ou JSON avec errors[]', received: type || '(absent)' });
  },
  plant(valid) {
    const echange = copie(valid);
    echange.response = { ...echange.response, status: 500, headers: { ...echange.response.headers, 'content-type': 'text/html' }, body: '<h1>Error</h1>' };
    return { payload: echange };
  },
});
