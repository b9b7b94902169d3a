// Distance-learning hours never exceed the training's hours (the readiness check of real form validators, wire-format.md §3).
import { defineRule, fail, notApplicable, pass, skip } from '../rule.js';
import { copie } from '../support/plant.js';

const nombre = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export default defineRule<'cerfa'>({
  id: 'coherence-distanciel-duree-formation',
  title: 'Les heures de formation à distance ne peuvent excéder la durée de la formation',
  requirements: ['COH-37'],
  // Bloquant: the forms CFA software fills refuse to send it (GSTAG bts_cerfa.py); the hours cannot be a part larger than the whole.
  severity: 'bloquant',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const distanciel: unknown = cerfa.formation?.nombreHeuresEnDistanciel;
    if (distanciel === undefined || distanciel === null) return notApplicable('aucune heure de formation à distance déclarée');
    const duree: unknown = cerfa.formation?.dureeFormation;
    if (!nombre(duree)) return skip('durée de formation absente ou non numérique');
    if (!nombre(distanciel)) {
      return fail({ path: 'formation.nombreHeuresEnDistanciel', expected: 'un nombre d’heures', received: JSON.stringify(distanciel) });
    }
    if (distanciel <= duree) return pass();
    return fail({
      path: 'formation.nombreHeuresEnDistanciel',
      expected: `au plus ${duree} heures (durée de la formation)`,
      received: `${distanciel} heures`,
      message: 'Les heures de formation à distance dépassent la durée de la formation',
    });
  },
  plant(valid) {
    const cerfa = copie(valid);
    cerfa.formation.nombreHeuresEnDistanciel = cerfa.formation.dureeFormation + 1;
    return { payload: cerfa };
  },
});
