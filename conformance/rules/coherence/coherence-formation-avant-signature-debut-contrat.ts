// Vade-mecum V2: when the training began before the contract was signed, the contract's start date is its signature date.
import { defineRule, fail, notApplicable, pass, skip } from '../rule.js';
import { addDays, addMonths } from '../../remuneration/calendar.js';
import { eligibiliteParams } from '../support/params.js';
import { factsOf } from '../support/facts.js';
import { copie, date, iso } from '../support/plant.js';
import { enContratInitial } from '../support/avenant.js';

const params = eligibiliteParams();

export default defineRule<'cerfa'>({
  id: 'coherence-formation-avant-signature-debut-contrat',
  title: "Si la formation a débuté avant la signature du contrat, la date de début d'exécution doit être la date de signature",
  requirements: ['COH-06', 'COH-05'],
  severity: 'avertissement',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa) {
    if (params.typesAvenant.has(cerfa.contrat?.typeContratApp)) return notApplicable('avenant');
    const { conclusion, debutContrat, debutFormation } = factsOf(cerfa);
    if (conclusion === undefined || debutContrat === undefined || debutFormation === undefined) {
      return skip('date de conclusion, de début de contrat ou de début de formation illisible');
    }
    if (debutFormation >= conclusion) return notApplicable('formation commencée après la signature');
    if (debutContrat === conclusion) return pass();
    return fail({
      path: 'contrat.dateDebutContrat',
      expected: `${iso(conclusion)} (date de signature, la formation ayant débuté le ${iso(debutFormation)})`,
      received: iso(debutContrat),
    });
  },
  plant(valid) {
    const cerfa = copie(valid);
    enContratInitial(cerfa);
    const debut = date(cerfa.contrat.dateDebutContrat, 'contrat.dateDebutContrat');
    let conclusion = date(cerfa.contrat.dateConclusion, 'contrat.dateConclusion');
    if (conclusion >= debut) conclusion = addDays(debut, -1);
    if (conclusion < addMonths(debut, -1)) conclusion = addMonths(debut, -1);
    cerfa.contrat.dateConclusion = iso(conclusion);
    cerfa.formation.dateDebutFormation = iso(addDays(conclusion, -1));
    // A trainee at the CFA before the contract (L6222-12-1), so that D4 does not apply.
    cerfa.apprenti.situationAvantContrat = 7;
    if (cerfa.contrat.dateFormationPratiqueEmployeur !== undefined) cerfa.contrat.dateFormationPratiqueEmployeur = iso(debut);
    return { payload: cerfa };
  },
});
