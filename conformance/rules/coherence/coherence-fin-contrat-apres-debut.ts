// The contract's end date lies after its start date (first check of D6 in the Mission apprentissage form).
import { defineRule, fail, pass, skip } from '../rule.js';
import { addDays } from '../../remuneration/calendar.js';
import { factsOf } from '../support/facts.js';
import { copie, date, iso } from '../support/plant.js';

export default defineRule<'cerfa'>({
  id: 'coherence-fin-contrat-apres-debut',
  title: "La date de fin du contrat doit être postérieure à sa date de début d'exécution",
  requirements: ['COH-02'],
  severity: 'bloquant',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const { debutContrat, finContrat } = factsOf(cerfa);
    if (debutContrat === undefined || finContrat === undefined) return skip('date de début ou de fin de contrat illisible');
    if (finContrat > debutContrat) return pass();
    return fail({
      path: 'contrat.dateFinContrat',
      expected: `postérieure au ${iso(debutContrat)} (début d'exécution)`,
      received: iso(finContrat),
    });
  },
  plant(valid) {
    const cerfa = copie(valid);
    const debut = date(cerfa.contrat.dateDebutContrat, 'contrat.dateDebutContrat');
    cerfa.contrat.dateFinContrat = iso(addDays(debut, -1));
    return { payload: cerfa };
  },
});
