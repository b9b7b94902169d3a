// D7: an apprentice who is a minor at the conclusion and not emancipated has a legal representative.
import { defineRule, fail, notApplicable, pass, skip } from '../rule.js';
import { eligibiliteParams } from '../support/params.js';
import { factsOf, naissanceApprentiFuture, SKIP_NAISSANCE_FUTURE } from '../support/facts.js';
import { copie, fixerAgeApprenti } from '../support/plant.js';

const params = eligibiliteParams();

export default defineRule<'cerfa'>({
  id: 'eligibilite-responsable-legal-mineur',
  title: "Un responsable légal doit être renseigné si l'apprenti est mineur non émancipé à la date de conclusion du contrat",
  requirements: ['ELIG-08'],
  severity: 'bloquant',
  area: 'eligibilite',
  appliesTo: ['cerfa'],
  check(cerfa, context) {
    const facts = factsOf(cerfa);
    if (naissanceApprentiFuture(facts, context)) return skip(SKIP_NAISSANCE_FUTURE);
    const age = facts.ageConclusion;
    if (age === undefined) return skip('date de naissance ou de conclusion illisible');
    if (age >= params.ageMajorite) return notApplicable('apprenti majeur à la date de conclusion');
    const { responsableLegal, apprentiMineurNonEmancipe } = cerfa.apprenti;
    if (apprentiMineurNonEmancipe === false) return pass();
    if (responsableLegal && typeof responsableLegal.nom === 'string' && responsableLegal.nom.trim() !== '') return pass();
    return fail({
      path: 'apprenti.responsableLegal',
      expected: 'un responsable légal (nom, prénom), ou la déclaration que le mineur est émancipé',
      received: `apprenti de ${age} ans à la conclusion, sans responsable légal ni émancipation déclarée`,
    });
  },
  plant(valid) {
    const cerfa = copie(valid);
    fixerAgeApprenti(cerfa, 17);
    delete cerfa.apprenti.responsableLegal;
    cerfa.apprenti.apprentiMineurNonEmancipe = true;
    return { payload: cerfa };
  },
});
