// L6222-1: the apprentice is at least 16 at the start of the contract, or 15 having completed the collège.
import { defineRule, fail, pass, skip } from '../rule.js';
import { eligibiliteParams } from '../support/params.js';
import { factsOf, naissanceApprentiFuture, SKIP_NAISSANCE_FUTURE } from '../support/facts.js';
import { copie, fixerAgeApprenti } from '../support/plant.js';

const params = eligibiliteParams();

export default defineRule<'cerfa'>({
  id: 'eligibilite-age-minimum',
  title: "L'apprenti doit avoir au moins 16 ans au début du contrat (15 ans s'il a achevé le collège)",
  requirements: ['ELIG-01', 'ELIG-02', 'ELIG-22'],
  severity: 'bloquant',
  area: 'eligibilite',
  appliesTo: ['cerfa'],
  check(cerfa, context) {
    const facts = factsOf(cerfa);
    if (naissanceApprentiFuture(facts, context)) return skip(SKIP_NAISSANCE_FUTURE);
    const age = facts.ageDebut;
    if (age === undefined) return skip('date de naissance ou de début de contrat illisible');
    if (age >= params.ageMinimum) return pass();
    const college = params.derniereClasseCollegeAcheve.has(cerfa.apprenti.derniereClasse);
    if (age >= params.ageMinimumCollegeAcheve && college) return pass();
    return fail({
      path: 'apprenti.dateNaissance',
      expected: `au moins ${params.ageMinimum} ans au début du contrat (${params.ageMinimumCollegeAcheve} ans si le collège est achevé : dernière classe 40, ou un cycle suivi ensuite)`,
      received:
        age >= params.ageMinimumCollegeAcheve
          ? `${age} ans, dernière classe ${cerfa.apprenti.derniereClasse} (collège non achevé)`
          : `${age} ans`,
    });
  },
  plant(valid) {
    const cerfa = copie(valid);
    fixerAgeApprenti(cerfa, params.ageMinimumCollegeAcheve - 1);
    return { payload: cerfa };
  },
});
