// The training is identified: RNCP, code diplôme, title, dates and hours (norme.md §3.1).
import { defineRule } from '../rule.js';
import { requis, resultat, sans } from '../support/champs.js';

export default defineRule({
  id: 'cerfa-formation-champs-obligatoires',
  title: 'Les champs obligatoires de la formation doivent être renseignés',
  requirements: ['CERFA-02', 'CERFA-11'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const f = cerfa.formation;
    let v = requis(undefined, f?.rncp, 'formation.rncp');
    v = requis(v, f?.codeDiplome, 'formation.codeDiplome');
    v = requis(v, f?.intituleQualification, 'formation.intituleQualification');
    v = requis(v, f?.dateDebutFormation, 'formation.dateDebutFormation');
    v = requis(v, f?.dateFinFormation, 'formation.dateFinFormation');
    return resultat(requis(v, f?.dureeFormation, 'formation.dureeFormation'));
  },
  plant(valid) {
    return { payload: sans(valid, 'formation.intituleQualification') };
  },
});
