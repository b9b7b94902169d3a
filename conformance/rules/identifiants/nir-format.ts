// Every NIR is 13 or 15 characters, starts with 1 or 2, month and département well formed (control N3; norme.md §3.4).
import { isWellFormedNir, redact } from '../../identifiers/index.js';
import { defineRule, type Violation } from '../rule.js';
import { avec, cible, controle, resultat, texte } from '../support/champs.js';
import { CHAMPS_NIR } from './chemins.js';

const decrire = (path: string, r: unknown): Violation => ({
  path,
  expected: 'NIR de 13 caractères (15 avec la clé), sans espace, commençant par 1 ou 2',
  received: typeof r === 'string' ? `${redact('nir', r)} (${r.length} caractères)` : typeof r,
});

export default defineRule({
  id: 'nir-format',
  title: 'Le NIR doit comporter 13 ou 15 caractères et commencer par 1 ou 2',
  requirements: ['ID-07'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa) {
    let v = controle(undefined, cerfa.apprenti?.nir, 'apprenti.nir', isWellFormedNir, decrire);
    v = controle(v, cerfa.maitre1?.nir, 'maitre1.nir', isWellFormedNir, decrire);
    return resultat(controle(v, cerfa.maitre2?.nir, 'maitre2.nir', isWellFormedNir, decrire));
  },
  plant(valid) {
    const c = cible('nir-format', valid, CHAMPS_NIR);
    // A leading 3 is the mistake control N3 names, and it keeps the length: only the format fails.
    return { payload: avec(valid, c.path, `3${texte(valid, c).slice(1)}`) };
  },
});
