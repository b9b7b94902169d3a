// D4: the theoretical training does not start before the contract is concluded, unless the apprentice was already a trainee at the CFA.
import { defineRule, fail, notApplicable, pass, skip } from '../rule.js';
import { addDays } from '../../remuneration/calendar.js';
import { eligibiliteParams } from '../support/params.js';
import { factsOf } from '../support/facts.js';
import { copie, date, iso } from '../support/plant.js';
import { enContratInitial } from '../support/avenant.js';

const params = eligibiliteParams();

export default defineRule<'cerfa'>({
  id: 'coherence-debut-formation-apres-conclusion',
  title: 'La date de début de formation théorique ne peut pas être antérieure à la date de conclusion du contrat',
  requirements: ['COH-04', 'COH-05'],
  severity: 'avertissement',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa) {
    if (params.typesAvenant.has(cerfa.contrat?.typeContratApp)) return notApplicable('avenant : la formation a commencé avant sa conclusion');
    if (params.situationsFormationAvantContrat.has(cerfa.apprenti?.situationAvantContrat)) {
      return notApplicable('apprenti déjà en formation au CFA avant le contrat (L6222-12-1, L6222-18-2)');
    }
    const { conclusion, debutFormation } = factsOf(cerfa);
    if (conclusion === undefined || debutFormation === undefined) return skip('date de conclusion ou de début de formation illisible');
    if (debutFormation >= conclusion) return pass();
    return fail({
      path: 'formation.dateDebutFormation',
      expected: `au plus tôt le ${iso(conclusion)} (conclusion), ou situation avant contrat 7 ou 8 (stagiaire au CFA)`,
      received: iso(debutFormation),
    });
  },
  plant(valid) {
    const cerfa = copie(valid);
    enContratInitial(cerfa);
    const debut = date(cerfa.contrat.dateDebutContrat, 'contrat.dateDebutContrat');
    // Conclusion on the start day keeps the vade-mecum rule (training before signature → start = signature) true.
    cerfa.contrat.dateConclusion = iso(debut);
    cerfa.formation.dateDebutFormation = iso(addDays(debut, -1));
    if (cerfa.contrat.dateFormationPratiqueEmployeur !== undefined) cerfa.contrat.dateFormationPratiqueEmployeur = iso(debut);
    if (params.situationsFormationAvantContrat.has(cerfa.apprenti.situationAvantContrat)) cerfa.apprenti.situationAvantContrat = 1;
    return { payload: cerfa };
  },
});
