// A well-formed UAI ends with its check letter: alphabet without I, O, Q indexed by the number mod 23 (norme.md §3.4).
import { isValidUai, uaiLetter } from '../../identifiers/index.js';
import { defineRule, fail, pass } from '../rule.js';
import { avec, cible, texte, verifierTextes } from './champs.js';
import { CHAMPS_UAI } from './chemins.js';

const UAI = /^[0-9]{7}[A-Za-z]$/;
const cleValideOuHorsFormat = (s: string): boolean => !UAI.test(s) || isValidUai(s);

export default defineRule({
  id: 'uai-lettre-cle',
  title: 'La lettre clé du code UAI doit être correcte',
  requirements: ['ID-05'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa', 'facture', 'convention'],
  check(payload) {
    const v = verifierTextes(payload, CHAMPS_UAI, cleValideOuHorsFormat, (c, r) => {
      const uai = String(r);
      return {
        path: c.path,
        expected: `lettre clé ${uaiLetter(uai.slice(0, 7))}`,
        received: uai,
        message: 'La lettre clé du code UAI ne correspond pas à ses 7 chiffres',
      };
    });
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    const c = cible('uai-lettre-cle', valid, CHAMPS_UAI);
    const uai = texte(valid, c);
    const juste = uaiLetter(uai.slice(0, 7));
    return { payload: avec(valid, c.path, uai.slice(0, 7) + (juste === 'A' ? 'B' : 'A')) };
  },
});
