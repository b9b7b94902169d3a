// A payload respects the spec's request schema of its operation: what the mock refuses with 400, validate reports too.
import { defineRule, fail, pass, skip } from '../rule.js';

export default defineRule<'cerfa' | 'facture' | 'convention' | 'certificat'>({
  id: 'schema-conforme-spec',
  title: 'Le contenu respecte le schéma de la spécification OpenAPI de la norme',
  requirements: ['API-20'],
  severity: 'bloquant',
  area: 'schema',
  appliesTo: ['cerfa', 'facture', 'convention', 'certificat'],
  // The schema check itself runs in the shells that hold the compiled spec (the mock before its rules, `validate`
  // before the catalogue): the rule turns their verdict into findings, so both judge with the same schemas.
  check(_payload, context) {
    const erreurs = context.erreursSchema;
    if (erreurs === undefined) return skip('schéma de la spécification non vérifié (aucun schéma compilé fourni)');
    if (erreurs.length === 0) return pass();
    return fail(
      ...erreurs.map((e) => ({
        path: e.champ,
        expected: 'conforme au schéma de la spécification',
        received: e.description,
        message: e.description,
      })),
    );
  },
  plant(valid, context) {
    // What a shell reports for a member of the wrong type: the payload's first member, whatever its kind.
    const champ = Object.keys(valid)[0] ?? '(corps)';
    return { payload: valid, context: { ...context, erreursSchema: [{ champ, description: `Le champ ${champ} doit être de type string` }] } };
  },
});
