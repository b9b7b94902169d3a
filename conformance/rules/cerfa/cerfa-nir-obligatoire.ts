// The apprentice's NIR is mandatory and sent with the CERFA data (FAQ inter-OPCO, seed 003).
import { defineRule } from '../rule.js';
import { requis, resultat, sans } from '../support/champs.js';

export default defineRule({
  id: 'cerfa-nir-obligatoire',
  title: 'Le NIR de l’apprenti est obligatoire',
  requirements: ['CERFA-03'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    return resultat(requis(undefined, cerfa.apprenti?.nir, 'apprenti.nir'));
  },
  plant(valid) {
    return { payload: sans(valid, 'apprenti.nir') };
  },
});
