// Every French address of a CERFA has a 5-digit postal code (Mission apprentissage control P1; norme.md §3.4).
import { isValidCodePostal } from '../../identifiers/index.js';
import type { Adresse } from '../../model/payloads.js';
import { defineRule, type Violation } from '../rule.js';
import { avec, recu, resultat } from '../support/champs.js';
import { estEtranger } from './chemins.js';

function verifier(out: Violation[] | undefined, a: Adresse | undefined | null, path: string): Violation[] | undefined {
  const cp: unknown = a?.codePostal;
  if (cp === undefined || cp === null || cp === '') return out;
  if (typeof cp === 'string' && isValidCodePostal(cp)) return out;
  if (estEtranger(a?.pays)) return out;
  (out ??= []).push({ path, expected: '5 chiffres', received: recu(path, cp) });
  return out;
}

export default defineRule({
  id: 'code-postal-format',
  title: 'Le code postal doit comporter 5 chiffres',
  requirements: ['ID-20'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa) {
    let v = verifier(undefined, cerfa.employeur?.adresse, 'employeur.adresse.codePostal');
    v = verifier(v, cerfa.apprenti?.adresse, 'apprenti.adresse.codePostal');
    v = verifier(v, cerfa.apprenti?.responsableLegal?.adresse, 'apprenti.responsableLegal.adresse.codePostal');
    v = verifier(v, cerfa.organismeFormation?.adresse, 'organismeFormation.adresse.codePostal');
    v = verifier(v, cerfa.organismeFormationLieuFormationPrincipal?.adresse, 'organismeFormationLieuFormationPrincipal.adresse.codePostal');
    return resultat(v);
  },
  plant(valid) {
    return { payload: avec(valid, 'employeur.adresse.codePostal', valid.employeur.adresse.codePostal.slice(0, 4)) };
  },
});
