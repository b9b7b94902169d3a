// The code diplôme (CFD) is 8 upper-case letters or digits, plus an optional speciality letter (norme.md §3.4).
import { isValidCodeDiplome } from '../../identifiers/index.js';
import { defineRule, type Violation } from '../rule.js';
import { avec, controle, resultat } from '../support/champs.js';

const decrire = (path: string, r: unknown): Violation => ({
  path,
  expected: '8 lettres majuscules ou chiffres, plus une lettre de spécialité facultative',
  received: String(r),
});

export default defineRule({
  id: 'code-diplome-format',
  title: 'Le code diplôme doit comporter 8 caractères alphanumériques',
  requirements: ['ID-16'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa) {
    return resultat(controle(undefined, cerfa.formation?.codeDiplome, 'formation.codeDiplome', isValidCodeDiplome, decrire));
  },
  plant(valid) {
    return { payload: avec(valid, 'formation.codeDiplome', valid.formation.codeDiplome.slice(0, 7)) };
  },
});
