// Diploma codes (highest obtained, prepared, type of the training) come from the list of the notice 51649#09 of CERFA 10103*14.
import { defineRule } from '../rule.js';
import { avec, resultat } from '../support/champs.js';
import { dansListe } from './verifications.js';

/** Notice 51649#09 (wire-format.md §1, GSTAG bts_cerfa.py): bac+5 and more, bac+3/4, bac+2, bac, CAP/BEP, none. */
export const CODES_DIPLOME: ReadonlySet<number> = new Set([
  80, 73, 75, 76, 79, 62, 63, 64, 69, 54, 55, 58, 41, 42, 43, 44, 49, 33, 34, 35, 38, 25, 26, 13,
]);
const ATTENDU = 'code de la notice du CERFA 10103*14 : 13, 25, 26, 33–35, 38, 41–44, 49, 54, 55, 58, 62–64, 69, 73, 75, 76, 79, 80';

export default defineRule({
  id: 'cerfa-type-diplome',
  title: 'Les codes de diplôme doivent appartenir à la liste de la notice du CERFA 10103*14',
  requirements: ['CERFA-22'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    let v = dansListe(undefined, cerfa.apprenti?.diplome, 'apprenti.diplome', CODES_DIPLOME, ATTENDU);
    v = dansListe(v, cerfa.apprenti?.diplomePrepare, 'apprenti.diplomePrepare', CODES_DIPLOME, ATTENDU);
    return resultat(dansListe(v, cerfa.formation?.typeDiplome, 'formation.typeDiplome', CODES_DIPLOME, ATTENDU));
  },
  plant(valid) {
    return { payload: avec(valid, 'apprenti.diplome', 99) };
  },
});
