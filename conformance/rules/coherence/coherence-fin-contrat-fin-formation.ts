// D5: the contract ends at the latest 3 months after the end of the training.
import { defineRule, fail, pass, skip } from '../rule.js';
import { addDays, addMonths, wholeMonthsBetween } from '../../remuneration/calendar.js';
import { factsOf } from '../support/facts.js';
import { copie, date, finirRemunerationAuContrat, iso } from '../support/plant.js';

export default defineRule<'cerfa'>({
  id: 'coherence-fin-contrat-fin-formation',
  title: 'Le contrat peut se terminer au maximum 3 mois après la fin de la formation',
  requirements: ['COH-07'],
  severity: 'bloquant',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const { finContrat, finFormation } = factsOf(cerfa);
    if (finContrat === undefined || finFormation === undefined) return skip('date de fin de contrat ou de formation illisible');
    const limite = addMonths(finFormation, 3);
    if (finContrat <= limite) return pass();
    return fail({
      path: 'contrat.dateFinContrat',
      expected: `au plus tard le ${iso(limite)} (fin de formation + 3 mois)`,
      received: iso(finContrat),
    });
  },
  plant(valid) {
    const cerfa = copie(valid);
    const finContrat = date(cerfa.contrat.dateFinContrat, 'contrat.dateFinContrat');
    const debutContrat = date(cerfa.contrat.dateDebutContrat, 'contrat.dateDebutContrat');
    const conclusion = date(cerfa.contrat.dateConclusion, 'contrat.dateConclusion');
    const debutFormation = date(cerfa.formation.dateDebutFormation, 'formation.dateDebutFormation');
    let finFormation = addDays(addMonths(finContrat, -3), -1);
    while (addMonths(finFormation, 3) >= finContrat) finFormation = addDays(finFormation, -1);
    // End the training earlier when it stays ≥ 6 months and inside the contract; otherwise end the contract later.
    if (wholeMonthsBetween(debutFormation, finFormation) >= 6 && finFormation >= debutContrat && finFormation >= conclusion) {
      cerfa.formation.dateFinFormation = iso(finFormation);
    } else {
      const fin = date(cerfa.formation.dateFinFormation, 'formation.dateFinFormation');
      cerfa.contrat.dateFinContrat = iso(addDays(addMonths(fin, 3), 1));
      finirRemunerationAuContrat(cerfa);
    }
    return { payload: cerfa };
  },
});
