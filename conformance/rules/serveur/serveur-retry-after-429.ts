// Every 429 says when to come back: a Retry-After header in seconds or as an HTTP date (RFC 9110 §10.2.3).
import { defineRule, notApplicable, skip, verdict } from '../rule.js';
import { copie, entete, judgedBy } from './support.js';

const ID = 'serveur-retry-after-429';

/** delay-seconds or an HTTP-date. */
const lisible = (value: string): boolean => /^\d+$/.test(value.trim()) || !Number.isNaN(Date.parse(value));

export default defineRule({
  id: ID,
  title: 'Une réponse 429 (trop de requêtes) porte un en-tête Retry-After (secondes ou date HTTP)',
  requirements: ['SRV-14'],
  severity: 'avertissement',
  area: 'serveur',
  appliesTo: ['echange'],
  check(echange) {
    if (echange.response.status !== 429) {
      // The step asked for a 429 (Prefer: code=429): a target that does not honour it cannot be judged there.
      return judgedBy(echange, ID) ? skip(`la cible a répondu ${echange.response.status}, pas 429 : Retry-After non vérifié`) : notApplicable('pas une réponse 429');
    }
    const value = entete(echange.response.headers, 'retry-after');
    if (value === undefined || value.trim() === '') return verdict([{ path: '(en-tête Retry-After)', expected: 'un délai en secondes ou une date HTTP', received: '(absent)' }]);
    return verdict(lisible(value) ? [] : [{ path: '(en-tête Retry-After)', expected: 'un délai en secondes ou une date HTTP', received: value }]);
  },
  plant(valid) {
    const echange = copie(valid);
    const headers = Object.fromEntries(Object.entries(echange.response.headers).filter(([k]) => k.toLowerCase() !== 'retry-after'));
    echange.response = { ...echange.response, status: 429, headers };
    return { payload: echange };
  },
});
