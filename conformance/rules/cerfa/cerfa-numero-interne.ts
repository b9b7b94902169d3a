// The CFA's own dossier number is present (it is the key of every later read) and at most 50 characters.
import { defineRule, fail } from '../rule.js';
import { avec, PASSE } from '../identifiants/champs.js';

export const NUMERO_INTERNE_MAX = 50;

export default defineRule({
  id: 'cerfa-numero-interne',
  title: 'Le numéro interne du dossier doit être renseigné et compter au plus 50 caractères',
  requirements: ['CERFA-15', 'CERFA-16'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const n: unknown = cerfa.numeroInterne;
    if (typeof n === 'string' && n.trim() !== '' && n.length <= NUMERO_INTERNE_MAX) return PASSE;
    if (typeof n !== 'string' || n.trim() === '') {
      return fail({ path: 'numeroInterne', expected: 'champ renseigné', received: n === undefined || n === null ? 'absent' : typeof n === 'string' ? 'vide' : `${typeof n} (texte attendu)` });
    }
    return fail({
      path: 'numeroInterne',
      expected: `au plus ${NUMERO_INTERNE_MAX} caractères`,
      received: `${n.length} caractères`,
    });
  },
  plant(valid) {
    return { payload: avec(valid, 'numeroInterne', valid.numeroInterne.padEnd(NUMERO_INTERNE_MAX + 1, 'X')) };
  },
});
