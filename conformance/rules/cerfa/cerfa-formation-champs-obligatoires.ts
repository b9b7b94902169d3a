// The training is identified: RNCP, code diplôme, title, dates and hours (norme.md §3.1).
import { defineRule, fail, pass } from '../rule.js';
import { champs, sans } from '../identifiants/champs.js';
import { manquants } from './verifications.js';

const REQUIS = champs(
  'formation.rncp',
  'formation.codeDiplome',
  'formation.intituleQualification',
  'formation.dateDebutFormation',
  'formation.dateFinFormation',
  'formation.dureeFormation',
);

export default defineRule({
  id: 'cerfa-formation-champs-obligatoires',
  title: 'Les champs obligatoires de la formation doivent être renseignés',
  requirements: ['CERFA-02', 'CERFA-11'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const v = manquants(cerfa, REQUIS);
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    return { payload: sans(valid, 'formation.intituleQualification') };
  },
});
