// A maître's highest diploma level, when given, is 0 or 3 to 8 (norme.md §3.1).
import { defineRule, fail, pass } from '../rule.js';
import { avec, champs } from '../identifiants/champs.js';
import { horsListe, plage } from './verifications.js';

const CODES = champs('maitre1.niveauDiplome', 'maitre2.niveauDiplome');
const LISTE = plage(3, 8, 0);
const ATTENDU = '0 ou 3 à 8';

export default defineRule({
  id: 'cerfa-niveau-diplome-maitre',
  title: 'Le niveau de diplôme du maître d’apprentissage doit être 0 ou compris entre 3 et 8',
  requirements: ['CERFA-27'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const v = horsListe(cerfa, CODES, LISTE, ATTENDU);
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    return { payload: avec(valid, 'maitre1.niveauDiplome', 2) };
  },
});
