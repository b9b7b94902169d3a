// A refusal for a known faulty field names it in errors[].champ (the step gives the field: `champs: {errors[].champ: …}`).
import { defineRule, skip, verdict, type Violation } from '../rule.js';
import { expectationViolations, isObject, judgedBy, notListed, show, valueAt, withResponse } from './support.js';

const ID = 'serveur-erreur-champ';
/** The key of a step's `champs` that gives the field at fault. */
export const CHAMP_EN_FAUTE = 'errors[].champ';

/** A field path in a comparable form: `/cerfa/apprenti/nir`, `$.cerfa.apprenti.nir` and `cerfa.apprenti.nir` alike. */
const forme = (path: string): string => path.trim().replace(/^\$\.?/, '').replace(/^\//, '').replace(/\//g, '.').replace(/\[(\d+)\]/g, '.$1').toLowerCase();

/** The same field, named in full or from one of its parent objects' level (`apprenti.nir` for `cerfa.apprenti.nir`). */
export function memeChamp(lu: string, attendu: string): boolean {
  const a = forme(lu);
  const b = forme(attendu);
  return a !== '' && (a === b || b.endsWith(`.${a}`) || a.endsWith(`.${b}`));
}

export default defineRule({
  id: ID,
  title: "Un refus pour un champ connu en faute nomme ce champ dans errors[].champ",
  requirements: ['SRV-12', 'API-08'],
  severity: 'avertissement',
  area: 'serveur',
  appliesTo: ['echange'],
  check(echange) {
    if (!judgedBy(echange, ID)) return notListed(ID);
    const attendu = echange.expected?.champs?.[CHAMP_EN_FAUTE];
    if (typeof attendu !== 'string') return skip(`l'étape ne donne pas le champ en faute (champs: { ${CHAMP_EN_FAUTE}: … })`);
    const violations: Violation[] = expectationViolations(echange);
    const errors = valueAt(echange.response.body, 'errors');
    const champs = (Array.isArray(errors) ? errors : []).filter(isObject).map((e) => e.champ).filter((c): c is string => typeof c === 'string');
    if (!champs.some((c) => memeChamp(c, attendu))) {
      violations.push({ path: CHAMP_EN_FAUTE, expected: attendu, received: champs.length > 0 ? champs.map((c) => show(c)).join(', ') : '(aucun champ nommé)' });
    }
    return verdict(violations);
  },
  plant(valid) {
    const errors = valueAt(valid.response.body, 'errors');
    const sansChamp = Array.isArray(errors) ? errors.filter(isObject).map(({ champ: _champ, ...reste }) => reste) : [];
    const echange = withResponse(valid, ID, { body: { ...(isObject(valid.response.body) ? valid.response.body : {}), errors: sansChamp } });
    echange.expected = { ...echange.expected!, champs: { ...(echange.expected?.champs ?? {}), [CHAMP_EN_FAUTE]: valid.expected?.champs?.[CHAMP_EN_FAUTE] ?? 'cerfa.apprenti.nir' } };
    return { payload: echange };
  },
});
