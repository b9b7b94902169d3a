// Every JSON answer is labelled as JSON: Content-Type application/json, or application/problem+json for an error.
import { defineRule, fail, notApplicable, pass } from '../rule.js';
import { copie, entete } from './support.js';

const JSON_TYPE = /^application\/(problem\+)?json\s*(;|$)/i;

export default defineRule({
  id: 'serveur-type-contenu-json',
  title: 'Une réponse JSON est annoncée comme telle (Content-Type application/json, ou application/problem+json pour une erreur)',
  requirements: ['SRV-13'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check(echange) {
    const { body, headers } = echange.response;
    // The suite parses every answer that is JSON text, whatever its label: objects and arrays are JSON answers.
    if (body === null || typeof body !== 'object') return notApplicable('pas de corps JSON');
    const type = entete(headers, 'content-type') ?? '';
    return JSON_TYPE.test(type.trim()) ? pass() : fail({ path: '(en-tête Content-Type)', expected: 'application/json (ou application/problem+json)', received: type || '(absent)' });
  },
  plant(valid) {
    const echange = copie(valid);
    echange.response = { ...echange.response, status: 200, headers: { ...echange.response.headers, 'content-type': 'text/plain; charset=utf-8' }, body: { status: 'healthy' } };
    return { payload: echange };
  },
});
