// The apprentice's nationality code is 1 (French), 2 (EU) or 3 (outside the EU) (norme.md §3.1).
import { defineRule } from '../rule.js';
import { avec, resultat } from '../support/champs.js';
import { dansListe, plage } from './verifications.js';

const LISTE = plage(1, 3);
const ATTENDU = '1 française, 2 ressortissant de l’Union européenne, 3 étranger hors Union européenne';

export default defineRule({
  id: 'cerfa-nationalite',
  title: 'La nationalité de l’apprenti doit être codée 1, 2 ou 3',
  requirements: ['CERFA-19'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    return resultat(dansListe(undefined, cerfa.apprenti?.nationalite, 'apprenti.nationalite', LISTE, ATTENDU));
  },
  plant(valid) {
    return { payload: avec(valid, 'apprenti.nationalite', 4) };
  },
});
