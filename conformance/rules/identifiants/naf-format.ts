// The employer's NAF (APE) code is 4 digits and a capital letter, with an optional dot (norme.md §3.4).
import { isValidNaf } from '../../identifiers/index.js';
import { defineRule, type Violation } from '../rule.js';
import { avec, controle, resultat } from '../support/champs.js';

const decrire = (path: string, r: unknown): Violation => ({
  path,
  expected: '4 chiffres et une lettre majuscule, point facultatif (62.01Z)',
  received: String(r),
});

export default defineRule({
  id: 'naf-format',
  title: 'Le code NAF de l’employeur doit comporter 4 chiffres et une lettre',
  requirements: ['ID-17'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa) {
    return resultat(controle(undefined, cerfa.employeur?.naf, 'employeur.naf', isValidNaf, decrire));
  },
  plant(valid) {
    return { payload: avec(valid, 'employeur.naf', '1071') };
  },
});
