// The first maître d'apprentissage is identified: name, first name, birth date (norme.md §3.1).
import { defineRule, fail, pass } from '../rule.js';
import { champs, sans } from '../identifiants/champs.js';
import { manquants } from './verifications.js';

const REQUIS = champs('maitre1.nom', 'maitre1.prenom', 'maitre1.dateNaissance');

export default defineRule({
  id: 'cerfa-maitre1-champs-obligatoires',
  title: 'Le maître d’apprentissage doit être identifié (nom, prénom, date de naissance)',
  requirements: ['CERFA-02', 'CERFA-07'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const v = manquants(cerfa, REQUIS);
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    return { payload: sans(valid, 'maitre1.prenom') };
  },
});
