// The last class attended is one of the CERFA codes 01, 11, 12, 21, 22, 31, 32, 40, 41, 42 (norme.md §3.1).
import { defineRule } from '../rule.js';
import { avec, resultat } from '../support/champs.js';
import { dansListe } from './verifications.js';

const LISTE = new Set([1, 11, 12, 21, 22, 31, 32, 40, 41, 42]);
const ATTENDU = '01, 11, 12, 21, 22, 31, 32, 40, 41 ou 42';

export default defineRule({
  id: 'cerfa-derniere-classe',
  title: 'La dernière classe fréquentée doit être un code de la liste du CERFA',
  requirements: ['CERFA-23'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    return resultat(dansListe(undefined, cerfa.apprenti?.derniereClasse, 'apprenti.derniereClasse', LISTE, ATTENDU));
  },
  plant(valid) {
    return { payload: avec(valid, 'apprenti.derniereClasse', 2) };
  },
});
