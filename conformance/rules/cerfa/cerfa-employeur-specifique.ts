// The special employer code is 0 (none) to 4 (norme.md §3.1).
import { defineRule } from '../rule.js';
import { avec, resultat } from '../support/champs.js';
import { dansListe, plage } from './verifications.js';

const LISTE = plage(0, 4);
const ATTENDU = '0 aucun, 1 entreprise de travail temporaire, 2 groupement d’employeurs, 3 employeur saisonnier, 4 apprentissage familial';

export default defineRule({
  id: 'cerfa-employeur-specifique',
  title: 'Le code employeur spécifique doit être compris entre 0 et 4',
  requirements: ['CERFA-18'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    return resultat(dansListe(undefined, cerfa.employeur?.employeurSpecifique, 'employeur.employeurSpecifique', LISTE, ATTENDU));
  },
  plant(valid) {
    return { payload: avec(valid, 'employeur.employeurSpecifique', 5) };
  },
});
