// A 15-character NIR carries its key: 97 − (13 first digits mod 97), 2A/2B read as 19/18 (norme.md §3.4).
import { nirKey, parseNir, redact } from '../../identifiers/index.js';
import { defineRule, fail, pass } from '../rule.js';
import { avec, cible, texte, verifierTextes } from './champs.js';
import { CHAMPS_NIR } from './chemins.js';

/** A 13-character NIR has no key to check; malformed NIRs belong to nir-format. */
const cleJusteOuAbsente = (s: string): boolean =>
  s.length !== 15 || parseNir(s) === null || nirKey(s.slice(0, 13)) === s.slice(13);

export default defineRule({
  id: 'nir-cle',
  title: 'La clé du NIR doit être correcte',
  requirements: ['ID-08'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(payload) {
    const v = verifierTextes(payload, CHAMPS_NIR, cleJusteOuAbsente, (c, r) => ({
      path: c.path,
      expected: 'clé égale à 97 − (13 premiers chiffres modulo 97)',
      received: redact('nir', String(r)),
      message: 'La clé du NIR ne correspond pas à ses 13 premiers caractères',
    }));
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    const c = cible('nir-cle', valid, CHAMPS_NIR);
    const nir = texte(valid, c).slice(0, 13);
    const juste = Number(nirKey(nir));
    const fausse = (juste % 97) + 1;
    return { payload: avec(valid, c.path, nir + String(fausse).padStart(2, '0')) };
  },
});
