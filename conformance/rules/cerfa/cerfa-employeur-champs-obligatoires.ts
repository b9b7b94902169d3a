// The employer block carries every field the CERFA requires (norme.md §3.1; seed 003: all CERFA data is sent).
import { defineRule, fail, pass } from '../rule.js';
import { champs, sans } from '../identifiants/champs.js';
import { manquants } from './verifications.js';

const REQUIS = champs(
  'employeur.privePublic',
  'employeur.siret',
  'employeur.denomination',
  'employeur.adresse.voie',
  'employeur.adresse.codePostal',
  'employeur.adresse.commune',
  'employeur.telephone',
  'employeur.courriel',
  'employeur.typeEmployeur',
  'employeur.naf',
  'employeur.nombreDeSalaries',
  'employeur.codeIdcc',
);

export default defineRule({
  id: 'cerfa-employeur-champs-obligatoires',
  title: 'Les champs obligatoires de l’employeur doivent être renseignés',
  requirements: ['CERFA-02', 'CERFA-04'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const v = manquants(cerfa, REQUIS);
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    return { payload: sans(valid, 'employeur.denomination') };
  },
});
