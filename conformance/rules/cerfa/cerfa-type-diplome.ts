// Diploma codes (highest obtained, prepared, type of the training) come from the CERFA list (norme.md §3.1).
import { defineRule } from '../rule.js';
import { avec, resultat } from '../identifiants/champs.js';
import { dansListe } from './verifications.js';

const LISTE = new Set([13, 25, 26, 33, 34, 35, 38, 41, 42, 43, 49, 54, 55, 58, 61, 62, 63, 69, 71, 72, 73, 74, 79, 80]);
const ATTENDU = 'code de la liste du CERFA : 13, 25, 26, 33–35, 38, 41–43, 49, 54, 55, 58, 61–63, 69, 71–74, 79, 80';

export default defineRule({
  id: 'cerfa-type-diplome',
  title: 'Les codes de diplôme doivent appartenir à la liste du CERFA',
  requirements: ['CERFA-22'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    let v = dansListe(undefined, cerfa.apprenti?.diplome, 'apprenti.diplome', LISTE, ATTENDU);
    v = dansListe(v, cerfa.apprenti?.diplomePrepare, 'apprenti.diplomePrepare', LISTE, ATTENDU);
    return resultat(dansListe(v, cerfa.formation?.typeDiplome, 'formation.typeDiplome', LISTE, ATTENDU));
  },
  plant(valid) {
    return { payload: avec(valid, 'apprenti.diplome', 99) };
  },
});
