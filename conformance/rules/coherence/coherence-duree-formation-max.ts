// F4: the training's duration in hours fits the CERFA field (at most 9 999 hours).
import { defineRule, fail, pass, skip } from '../rule.js';
import { copie } from '../support/plant.js';

const MAX = 9999;

export default defineRule<'cerfa'>({
  id: 'coherence-duree-formation-max',
  title: 'La durée de la formation ne peut excéder 9 999 heures',
  requirements: ['COH-11'],
  severity: 'bloquant',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const duree = cerfa.formation?.dureeFormation;
    if (typeof duree !== 'number' || !Number.isFinite(duree)) return skip('durée de formation absente ou non numérique');
    if (duree <= MAX) return pass();
    return fail({ path: 'formation.dureeFormation', expected: `au plus ${MAX} heures`, received: `${duree} heures` });
  },
  plant(valid) {
    const cerfa = copie(valid);
    cerfa.formation.dureeFormation = MAX + 1;
    return { payload: cerfa };
  },
});
