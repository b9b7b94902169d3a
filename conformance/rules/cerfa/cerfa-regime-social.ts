// The apprentice's social-security scheme is 1 (MSA) or 2 (URSSAF) (norme.md §3.1).
import { defineRule, fail, pass } from '../rule.js';
import { avec, champs } from '../identifiants/champs.js';
import { horsListe, plage } from './verifications.js';

const CODES = champs('apprenti.regimeSocial');
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
    const v = horsListe(cerfa, CODES, LISTE, ATTENDU);
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    return { payload: avec(valid, 'apprenti.regimeSocial', 3) };
  },
});
