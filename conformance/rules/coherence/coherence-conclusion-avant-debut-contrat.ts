// D8: a contract (not an avenant) is concluded on or before the day its execution starts.
import { defineRule, fail, notApplicable, pass, skip } from '../rule.js';
import { addDays } from '../../remuneration/calendar.js';
import { eligibiliteParams } from '../support/params.js';
import { factsOf } from '../support/facts.js';
import { copie, date, iso } from '../support/plant.js';
import { enContratInitial } from '../support/avenant.js';

const params = eligibiliteParams();

export default defineRule<'cerfa'>({
  id: 'coherence-conclusion-avant-debut-contrat',
  title: "La date de conclusion d'un contrat initial doit être antérieure ou égale à sa date de début d'exécution",
  requirements: ['COH-01'],
  severity: 'bloquant',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa) {
    if (params.typesAvenant.has(cerfa.contrat?.typeContratApp)) return notApplicable("avenant : la conclusion suit le début du contrat");
    const { conclusion, debutContrat } = factsOf(cerfa);
    if (conclusion === undefined || debutContrat === undefined) return skip('date de conclusion ou de début de contrat illisible');
    if (conclusion <= debutContrat) return pass();
    return fail({
      path: 'contrat.dateConclusion',
      expected: `au plus tard le ${iso(debutContrat)} (début d'exécution)`,
      received: iso(conclusion),
    });
  },
  plant(valid) {
    const cerfa = copie(valid);
    enContratInitial(cerfa);
    const debut = date(cerfa.contrat.dateDebutContrat, 'contrat.dateDebutContrat');
    const conclusion = addDays(debut, 1);
    cerfa.contrat.dateConclusion = iso(conclusion);
    // The practical training may not start before the conclusion (D9): keep it on or after the new date.
    const pratique = cerfa.contrat.dateFormationPratiqueEmployeur;
    if (pratique !== undefined && date(pratique, 'contrat.dateFormationPratiqueEmployeur') < conclusion) {
      cerfa.contrat.dateFormationPratiqueEmployeur = iso(conclusion);
    }
    const debutFormation = date(cerfa.formation.dateDebutFormation, 'formation.dateDebutFormation');
    if (debutFormation < conclusion) cerfa.formation.dateDebutFormation = iso(conclusion);
    return { payload: cerfa };
  },
});
