// Every answer validates against the response schema the spec gives its operation and status (checked by the suite with ajv).
// A member the spec does not list is left to serveur-membre-non-documente (a warning): clients read past it.
import { defineRule, notApplicable, verdict } from '../rule.js';
import { estMembreNonDocumente } from './serveur-membre-non-documente.js';
import { copie } from './support.js';

export default defineRule({
  id: 'serveur-reponse-conforme-spec',
  title: 'Chaque réponse respecte le schéma que la spécification OpenAPI de la norme donne à son opération et à son statut',
  requirements: ['SRV-01', 'API-07'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check(echange) {
    const errors = echange.response.schemaErrors;
    if (errors === undefined) return notApplicable("pas de schéma de réponse pour cette opération (hors spécification)");
    return verdict(errors.filter((message) => !estMembreNonDocumente(message)).map((message) => {
      const [path = '/', ...rest] = message.split(' ');
      return { path, expected: 'conforme au schéma de réponse', received: rest.join(' ') || message };
    }));
  },
  plant(valid) {
    const echange = copie(valid);
    echange.response = { ...echange.response, schemaErrors: ['/etat must be equal to one of the allowed values'] };
    return { payload: echange };
  },
});
