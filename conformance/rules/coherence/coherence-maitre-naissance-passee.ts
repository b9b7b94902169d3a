// M1: a maître d'apprentissage's birth date is not in the future.
import { defineRule, skip, verdict, type Violation } from '../rule.js';
import { addDays } from '../../remuneration/calendar.js';
import { factsOf, todayOf } from '../support/facts.js';
import { aujourdhuiPourPlant, copie, iso, nirAvecNaissance } from '../support/plant.js';

export default defineRule<'cerfa'>({
  id: 'coherence-maitre-naissance-passee',
  title: "La date de naissance du maître d'apprentissage ne peut pas être dans le futur",
  requirements: ['COH-17'],
  severity: 'bloquant',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa, context) {
    const today = todayOf(context);
    if (today === undefined) return skip('date du jour inconnue (contexte sans today)');
    const { maitre1Naissance, maitre2Naissance } = factsOf(cerfa);
    const violations: Violation[] = [];
    if (maitre1Naissance !== undefined && maitre1Naissance > today) {
      violations.push({ path: 'maitre1.dateNaissance', expected: `au plus tard le ${iso(today)}`, received: 'une date future' });
    }
    if (maitre2Naissance !== undefined && maitre2Naissance > today) {
      violations.push({ path: 'maitre2.dateNaissance', expected: `au plus tard le ${iso(today)}`, received: 'une date future' });
    }
    return verdict(violations);
  },
  plant(valid, context) {
    const cerfa = copie(valid);
    const today = aujourdhuiPourPlant(cerfa, context);
    const naissance = addDays(today, 1);
    cerfa.maitre1.dateNaissance = iso(naissance);
    if (cerfa.maitre1.nir) cerfa.maitre1.nir = nirAvecNaissance(cerfa.maitre1.nir, naissance);
    return { payload: cerfa, context: { ...context, today: iso(today) } };
  },
});
