// The training organisation (CFA) is identified: SIRET, UAI, name and address (norme.md §3.1).
import { defineRule, fail, pass } from '../rule.js';
import { champs, sans } from '../identifiants/champs.js';
import { manquants } from './verifications.js';

const REQUIS = champs(
  'organismeFormation.siret',
  'organismeFormation.uaiCfa',
  'organismeFormation.denomination',
  'organismeFormation.adresse.voie',
  'organismeFormation.adresse.codePostal',
  'organismeFormation.adresse.commune',
);

export default defineRule({
  id: 'cerfa-organisme-formation-champs-obligatoires',
  title: 'Les champs obligatoires de l’organisme de formation doivent être renseignés',
  requirements: ['CERFA-02', 'CERFA-09'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const v = manquants(cerfa, REQUIS);
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    return { payload: sans(valid, 'organismeFormation.denomination') };
  },
});
