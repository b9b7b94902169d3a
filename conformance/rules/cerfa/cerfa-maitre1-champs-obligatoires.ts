// The first maître d'apprentissage is identified: name, first name, birth date (norme.md §3.1).
import { defineRule } from '../rule.js';
import { requis, resultat, sans } from '../support/champs.js';

export default defineRule({
  id: 'cerfa-maitre1-champs-obligatoires',
  title: 'Le maître d’apprentissage doit être identifié (nom, prénom, date de naissance)',
  requirements: ['CERFA-02', 'CERFA-07'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const m = cerfa.maitre1;
    const v = requis(requis(undefined, m?.nom, 'maitre1.nom'), m?.prenom, 'maitre1.prenom');
    return resultat(requis(v, m?.dateNaissance, 'maitre1.dateNaissance'));
  },
  plant(valid) {
    return { payload: sans(valid, 'maitre1.prenom') };
  },
});
