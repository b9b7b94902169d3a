// The apprentice's social-security scheme is 1 (MSA) or 2 (URSSAF) (norme.md §3.1).
import { defineRule } from '../rule.js';
import { avec, resultat } from '../support/champs.js';
import { dansListe, plage } from './verifications.js';

const LISTE = plage(1, 2);
const ATTENDU = '1 MSA, 2 URSSAF';

export default defineRule({
  id: 'cerfa-regime-social',
  title: 'Le régime social de l’apprenti doit être codé 1 (MSA) ou 2 (URSSAF)',
  requirements: ['CERFA-20'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    return resultat(dansListe(undefined, cerfa.apprenti?.regimeSocial, 'apprenti.regimeSocial', LISTE, ATTENDU));
  },
  plant(valid) {
    return { payload: avec(valid, 'apprenti.regimeSocial', 3) };
  },
});
