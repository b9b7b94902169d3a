// The employer's NAF (APE) code is 4 digits and a capital letter, with an optional dot (norme.md §3.4).
import { isValidNaf } from '../../identifiers/index.js';
import { defineRule, fail, pass } from '../rule.js';
import { avec, champs, cible, verifierTextes } from './champs.js';

const CHAMPS_NAF = champs('employeur.naf');

export default defineRule({
  id: 'naf-format',
  title: 'Le code NAF de l’employeur doit comporter 4 chiffres et une lettre',
  requirements: ['ID-17'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const v = verifierTextes(cerfa, CHAMPS_NAF, isValidNaf, (c, r) => ({
      path: c.path,
      expected: '4 chiffres et une lettre majuscule, point facultatif (62.01Z)',
      received: String(r),
    }));
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    const c = cible('naf-format', valid, CHAMPS_NAF);
    return { payload: avec(valid, c.path, '1071') };
  },
});
