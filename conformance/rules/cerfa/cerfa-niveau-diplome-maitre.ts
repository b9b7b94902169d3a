// A maître's highest diploma level (niveauDiplomeObtenu), when given, is 3 to 8, or 0 still read (norme.md §3.1, wire-format.md §1).
import { defineRule } from '../rule.js';
import { avec, resultat } from '../support/champs.js';
import { dansListe, plage } from './verifications.js';

const LISTE = plage(3, 8, 0);
const ATTENDU = '3 à 8 (0 encore admis)';

export default defineRule({
  id: 'cerfa-niveau-diplome-maitre',
  title: 'Le niveau de diplôme du maître d’apprentissage doit être 0 ou compris entre 3 et 8',
  requirements: ['CERFA-27'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    let v = dansListe(undefined, cerfa.maitre1?.niveauDiplomeObtenu, 'maitre1.niveauDiplomeObtenu', LISTE, ATTENDU);
    return resultat(dansListe(v, cerfa.maitre2?.niveauDiplomeObtenu, 'maitre2.niveauDiplomeObtenu', LISTE, ATTENDU));
  },
  plant(valid) {
    return { payload: avec(valid, 'maitre1.niveauDiplomeObtenu', 2) };
  },
});
