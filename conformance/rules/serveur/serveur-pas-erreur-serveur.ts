// No request of the suite, however malformed, may make the server fail (5xx): bad input is the client's error, 4xx.
import { defineRule, fail, pass } from '../rule.js';
import { copie } from './support.js';

export default defineRule({
  id: 'serveur-pas-erreur-serveur',
  title: 'Le serveur ne répond jamais par une erreur interne (5xx), même à une requête malformée',
  requirements: ['SRV-02'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check(echange) {
    const { status } = echange.response;
    return status >= 500 ? fail({ path: '(statut HTTP)', expected: 'un statut < 500', received: String(status) }) : pass();
  },
  plant(valid) {
    const echange = copie(valid);
    echange.response = { ...echange.response, status: 500 };
    return { payload: echange };
  },
});
