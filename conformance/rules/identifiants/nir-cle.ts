// A 15-character NIR carries its key: 97 − (13 first digits mod 97), 2A/2B read as 19/18 (norme.md §3.4).
import { isWellFormedNir, nirKey, nirKeyMatches, redact } from '../../identifiers/index.js';
import { defineRule, type Violation } from '../rule.js';
import { avec, cible, controle, resultat, texte } from '../support/champs.js';
import { CHAMPS_NIR } from './chemins.js';

/** A 13-character NIR has no key to check; malformed NIRs belong to nir-format. */
const cleJusteOuAbsente = (s: string): boolean => s.length !== 15 || nirKeyMatches(s) || !isWellFormedNir(s);

const decrire = (path: string, r: unknown): Violation => ({
  path,
  expected: 'clé égale à 97 − (13 premiers chiffres modulo 97)',
  received: redact('nir', String(r)),
  message: 'La clé du NIR ne correspond pas à ses 13 premiers caractères',
});

export default defineRule({
  id: 'nir-cle',
  title: 'La clé du NIR doit être correcte',
  requirements: ['ID-08'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa) {
    let v = controle(undefined, cerfa.apprenti?.nir, 'apprenti.nir', cleJusteOuAbsente, decrire);
    v = controle(v, cerfa.maitre1?.nir, 'maitre1.nir', cleJusteOuAbsente, decrire);
    return resultat(controle(v, cerfa.maitre2?.nir, 'maitre2.nir', cleJusteOuAbsente, decrire));
  },
  plant(valid) {
    const c = cible('nir-cle', valid, CHAMPS_NIR);
    const nir = texte(valid, c).slice(0, 13);
    const fausse = (Number(nirKey(nir)) % 97) + 1;
    return { payload: avec(valid, c.path, nir + String(fausse).padStart(2, '0')) };
  },
});
