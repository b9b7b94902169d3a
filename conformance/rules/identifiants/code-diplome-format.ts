// The code diplôme (CFD) is 8 upper-case letters or digits, plus an optional speciality letter (norme.md §3.4).
import { isValidCodeDiplome } from '../../identifiers/index.js';
import { defineRule, fail, pass } from '../rule.js';
import { avec, champs, cible, texte, verifierTextes } from './champs.js';

const CHAMPS_CFD = champs('formation.codeDiplome');

export default defineRule({
  id: 'code-diplome-format',
  title: 'Le code diplôme doit comporter 8 caractères alphanumériques',
  requirements: ['ID-16'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const v = verifierTextes(cerfa, CHAMPS_CFD, isValidCodeDiplome, (c, r) => ({
      path: c.path,
      expected: '8 lettres majuscules ou chiffres, plus une lettre de spécialité facultative',
      received: String(r),
    }));
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    const c = cible('code-diplome-format', valid, CHAMPS_CFD);
    return { payload: avec(valid, c.path, texte(valid, c).slice(0, 7)) };
  },
});
