// The training duration of the convention is a number of hours between 1 and 9 999 (CERFA control F4).
import { defineRule, fail, pass } from '../rule.js';
import { copie, nombre } from '../support/facturation.js';

export default defineRule<'convention'>({
  id: 'convention-duree-formation',
  title: 'La durée de la formation doit être comprise entre 1 et 9 999 heures',
  requirements: ['CONV-09'],
  severity: 'bloquant',
  area: 'convention',
  appliesTo: ['convention'],
  check(convention) {
    const brut = convention.formation?.dureeFormation;
    // Absent: convention-champs-obligatoires.
    if (brut === undefined) return pass();
    const duree = nombre(brut);
    if (duree !== undefined && duree >= 1 && duree <= 9999) return pass();
    return fail({ path: 'formation.dureeFormation', expected: 'un nombre d’heures entre 1 et 9 999', received: String(brut) });
  },
  plant(valid) {
    const payload = copie(valid);
    payload.formation.dureeFormation = 10000;
    return { payload };
  },
});
