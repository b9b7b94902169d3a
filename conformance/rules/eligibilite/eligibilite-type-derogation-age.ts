// A5: dérogation 11 is for apprentices under 16, dérogation 12 for apprentices over 29, at the start of the contract.
import { defineRule, fail, notApplicable, pass, skip } from '../rule.js';
import { factsOf, naissanceApprentiFuture, SKIP_NAISSANCE_FUTURE } from '../support/facts.js';
import { copie, date } from '../support/plant.js';
import { ageAt } from '../../remuneration/calendar.js';

export default defineRule<'cerfa'>({
  id: 'eligibilite-type-derogation-age',
  title: "Le type de dérogation liée à l'âge doit correspondre à l'âge de l'apprenti au début du contrat",
  requirements: ['ELIG-07'],
  severity: 'avertissement',
  area: 'eligibilite',
  appliesTo: ['cerfa'],
  check(cerfa, context) {
    const type = cerfa.contrat?.typeDerogation;
    if (type !== 11 && type !== 12) return notApplicable("pas de dérogation liée à l'âge");
    const facts = factsOf(cerfa);
    if (naissanceApprentiFuture(facts, context)) return skip(SKIP_NAISSANCE_FUTURE);
    const age = facts.ageDebut;
    if (age === undefined) return skip('date de naissance ou de début de contrat illisible');
    if (type === 11 && age < 16) return pass();
    if (type === 12 && age > 29) return pass();
    return fail({
      path: 'contrat.typeDerogation',
      expected: type === 11 ? 'dérogation 11 réservée aux apprentis de moins de 16 ans' : 'dérogation 12 réservée aux apprentis de plus de 29 ans',
      received: `dérogation ${type} pour un apprenti de ${age} ans`,
    });
  },
  plant(valid) {
    const cerfa = copie(valid);
    const age = ageAt(date(cerfa.apprenti.dateNaissance, 'apprenti.dateNaissance'), date(cerfa.contrat.dateDebutContrat, 'contrat.dateDebutContrat'));
    cerfa.contrat.typeDerogation = age >= 16 ? 11 : 12;
    return { payload: cerfa };
  },
});
