// The CFA's own dossier number, when sent, is a non-blank text of at most 50 characters (absent: the OPCO assigns one).
import { defineRule, fail } from '../rule.js';
import { avec, PASSE, sansObjet } from '../support/champs.js';

export const NUMERO_INTERNE_MAX = 50;
const SANS_OBJET = sansObjet('numéro interne absent : l’OPCO en attribue un et le renvoie dans sa réponse');

export default defineRule({
  id: 'cerfa-numero-interne',
  title: 'Le numéro interne du dossier, s’il est transmis, doit être renseigné et compter au plus 50 caractères',
  requirements: ['CERFA-15', 'CERFA-16'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const n: unknown = cerfa.numeroInterne;
    // '' counts as absent, as lireDepotCerfa and the mock read it.
    if (n === undefined || n === null || n === '') return SANS_OBJET;
    if (typeof n === 'string' && n.trim() !== '' && n.length <= NUMERO_INTERNE_MAX) return PASSE;
    if (typeof n !== 'string' || n.trim() === '') {
      return fail({ path: 'numeroInterne', expected: 'champ renseigné', received: typeof n === 'string' ? 'vide' : `${typeof n} (texte attendu)` });
    }
    return fail({
      path: 'numeroInterne',
      expected: `au plus ${NUMERO_INTERNE_MAX} caractères`,
      received: `${n.length} caractères`,
    });
  },
  plant(valid) {
    return { payload: avec(valid, 'numeroInterne', (valid.numeroInterne ?? 'CFA').padEnd(NUMERO_INTERNE_MAX + 1, 'X')) };
  },
});
