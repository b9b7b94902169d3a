// Every French address of a CERFA has a 5-digit postal code (Mission apprentissage control P1; norme.md §3.4).
import { isValidCodePostal } from '../../identifiers/index.js';
import { defineRule, fail, pass, type Violation } from '../rule.js';
import { avec, lire, recu } from './champs.js';
import { ADRESSES, estEtranger } from './chemins.js';

export default defineRule({
  id: 'code-postal-format',
  title: 'Le code postal doit comporter 5 chiffres',
  requirements: ['ID-20'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa) {
    let violations: Violation[] | undefined;
    for (const a of ADRESSES) {
      const cp = lire(cerfa, a.codePostal);
      if (cp === undefined || cp === null || cp === '') continue;
      if (typeof cp === 'string' && isValidCodePostal(cp)) continue;
      if (estEtranger(lire(cerfa, a.pays))) continue;
      (violations ??= []).push({ path: a.codePostal.path, expected: '5 chiffres', received: recu(a.codePostal.path, cp) });
    }
    return violations ? fail(...violations) : pass();
  },
  plant(valid) {
    return { payload: avec(valid, 'employeur.adresse.codePostal', valid.employeur.adresse.codePostal.slice(0, 4)) };
  },
});
