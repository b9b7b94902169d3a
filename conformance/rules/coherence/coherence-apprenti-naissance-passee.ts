// A1: the apprentice's birth date is not in the future.
import { defineRule, fail, pass, skip } from '../rule.js';
import { addDays } from '../../remuneration/calendar.js';
import { factsOf, todayOf } from '../support/facts.js';
import { aujourdhuiPourPlant, copie, iso, nirAvecNaissance } from '../support/plant.js';

export default defineRule<'cerfa'>({
  id: 'coherence-apprenti-naissance-passee',
  title: "La date de naissance de l'apprenti ne peut pas être dans le futur",
  requirements: ['COH-18'],
  severity: 'bloquant',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa, context) {
    const today = todayOf(context);
    if (today === undefined) return skip('date du jour inconnue (contexte sans today)');
    const { naissance } = factsOf(cerfa);
    if (naissance === undefined) return skip('date de naissance illisible');
    if (naissance <= today) return pass();
    return fail({ path: 'apprenti.dateNaissance', expected: `au plus tard le ${iso(today)}`, received: 'une date future' });
  },
  plant(valid, context) {
    const cerfa = copie(valid);
    const today = aujourdhuiPourPlant(cerfa, context);
    const naissance = addDays(today, 1);
    cerfa.apprenti.dateNaissance = iso(naissance);
    cerfa.apprenti.nir = nirAvecNaissance(cerfa.apprenti.nir, naissance);
    return { payload: cerfa, context: { ...context, today: iso(today) } };
  },
});
