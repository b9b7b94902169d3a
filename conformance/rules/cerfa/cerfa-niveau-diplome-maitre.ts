// A maître's highest diploma level, when given, is 0 or 3 to 8 (norme.md §3.1).
import { defineRule } from '../rule.js';
import { avec, resultat } from '../identifiants/champs.js';
import { dansListe, plage } from './verifications.js';

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
    let v = dansListe(undefined, cerfa.maitre1?.niveauDiplome, 'maitre1.niveauDiplome', LISTE, ATTENDU);
    return resultat(dansListe(v, cerfa.maitre2?.niveauDiplome, 'maitre2.niveauDiplome', LISTE, ATTENDU));
  },
  plant(valid) {
    return { payload: avec(valid, 'maitre1.niveauDiplome', 2) };
  },
});
