// A well-formed UAI ends with its check letter: alphabet without I, O, Q indexed by the number mod 23 (norme.md §3.4).
import { isValidUai, uaiLetter } from '../../identifiers/index.js';
import { defineRule, type Violation } from '../rule.js';
import { avec, cible, controle, resultat, texte } from '../support/champs.js';
import { CHAMPS_UAI, formeUai, type PayloadLache } from './chemins.js';

/** Malformed UAIs belong to uai-format. */
const cleValideOuHorsFormat = (s: string): boolean => !formeUai(s) || isValidUai(s);

const decrire = (path: string, r: unknown): Violation => {
  const uai = String(r);
  return {
    path,
    expected: `lettre clé ${uaiLetter(uai.slice(0, 7))}`,
    received: uai,
    message: 'La lettre clé du code UAI ne correspond pas à ses 7 chiffres',
  };
};

export default defineRule({
  id: 'uai-lettre-cle',
  title: 'La lettre clé du code UAI doit être correcte',
  requirements: ['ID-05'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa', 'facture', 'convention'],
  check(payload) {
    const p = payload as PayloadLache;
    const v = controle(undefined, p.organismeFormation?.uaiCfa, 'organismeFormation.uaiCfa', cleValideOuHorsFormat, decrire);
    return resultat(controle(v, p.organismeFormationLieuFormationPrincipal?.uaiCfa, 'organismeFormationLieuFormationPrincipal.uaiCfa', cleValideOuHorsFormat, decrire));
  },
  plant(valid) {
    const c = cible('uai-lettre-cle', valid, CHAMPS_UAI);
    const uai = texte(valid, c);
    const juste = uaiLetter(uai.slice(0, 7));
    return { payload: avec(valid, c.path, uai.slice(0, 7) + (juste === 'A' ? 'B' : 'A')) };
  },
});
