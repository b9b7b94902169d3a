// A second maître is optional, but when given it is complete: name, first name, birth date (control M3).
import { defineRule, fail, notApplicable, pass } from '../rule.js';
import { avec, champs } from '../identifiants/champs.js';
import { manquants } from './verifications.js';

const REQUIS = champs('maitre2.nom', 'maitre2.prenom', 'maitre2.dateNaissance');

export default defineRule({
  id: 'cerfa-maitre2-champs-obligatoires',
  title: 'Le second maître d’apprentissage, s’il est déclaré, doit être complet',
  requirements: ['CERFA-08'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    if (cerfa.maitre2 === undefined || cerfa.maitre2 === null) return notApplicable('pas de second maître');
    const v = manquants(cerfa, REQUIS);
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    return { payload: avec(valid, 'maitre2', { nom: 'Durand' }) };
  },
});
