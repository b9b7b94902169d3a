// An answer carries only the members the spec documents: an extra one is read past by clients, so it only warns.
import { defineRule, notApplicable, verdict } from '../rule.js';
import { copie } from './support.js';

/** ajv's message for a member the schema does not list (`additionalProperties: false`). */
const MEMBRE_EN_TROP = 'must NOT have additional properties';

/** True for a schema error that only says the answer has a member the spec does not list. */
export function estMembreNonDocumente(message: string): boolean {
  return message.includes(MEMBRE_EN_TROP);
}

export default defineRule({
  id: 'serveur-membre-non-documente',
  title: 'Une réponse ne porte que les membres que la spécification documente (un membre en plus est signalé, pas bloquant)',
  requirements: ['SRV-07'],
  severity: 'avertissement',
  area: 'serveur',
  appliesTo: ['echange'],
  check(echange) {
    const errors = echange.response.schemaErrors;
    if (errors === undefined) return notApplicable('pas de schéma de réponse pour cette opération (hors spécification)');
    return verdict(
      errors.filter(estMembreNonDocumente).map((message) => {
        // `/cerfa must NOT have additional properties: membreEnPlus` (schemas.ts names the member).
        const [path = '/'] = message.split(' ');
        const membre = message.split(`${MEMBRE_EN_TROP}: `)[1];
        return { path: membre ? `${path === '/' ? '' : path}/${membre}` : path, expected: 'un membre documenté par la spécification', received: membre ? `membre « ${membre} » non documenté` : message };
      }),
    );
  },
  plant(valid) {
    const echange = copie(valid);
    echange.response = { ...echange.response, schemaErrors: [`/cerfa ${MEMBRE_EN_TROP}: referenceInterneOpco`] };
    return { payload: echange };
  },
});
