// The apprentice's NIR is mandatory and sent with the CERFA data (FAQ inter-OPCO, seed 003).
import { defineRule, fail, pass } from '../rule.js';
import { champs, sans } from '../identifiants/champs.js';
import { manquants } from './verifications.js';

const REQUIS = champs('apprenti.nir');

export default defineRule({
  id: 'cerfa-nir-obligatoire',
  title: 'Le NIR de l’apprenti est obligatoire',
  requirements: ['CERFA-03'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const v = manquants(cerfa, REQUIS);
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    return { payload: sans(valid, 'apprenti.nir') };
  },
});
