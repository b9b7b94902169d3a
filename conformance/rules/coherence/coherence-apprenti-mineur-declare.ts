// The "apprenti mineur" answers match the age computed at the conclusion date.
import { defineRule, skip, verdict, type Violation } from '../rule.js';
import { eligibiliteParams } from '../support/params.js';
import { factsOf, naissanceApprentiFuture, SKIP_NAISSANCE_FUTURE } from '../support/facts.js';
import { copie, date } from '../support/plant.js';
import { ageAt } from '../../remuneration/calendar.js';

const params = eligibiliteParams();

export default defineRule<'cerfa'>({
  id: 'coherence-apprenti-mineur-declare',
  title: "La déclaration « apprenti mineur » doit correspondre à l'âge de l'apprenti à la date de conclusion",
  requirements: ['COH-21'],
  severity: 'avertissement',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa, context) {
    const facts = factsOf(cerfa);
    if (naissanceApprentiFuture(facts, context)) return skip(SKIP_NAISSANCE_FUTURE);
    if (facts.ageConclusion === undefined) return skip('âge à la conclusion inconnu');
    const mineur = facts.ageConclusion < params.ageMajorite;
    const { apprentiMineur, apprentiMineurNonEmancipe } = cerfa.apprenti;
    const violations: Violation[] = [];
    if (apprentiMineur !== undefined && apprentiMineur !== mineur) {
      violations.push({
        path: 'apprenti.apprentiMineur',
        expected: mineur ? 'oui (mineur à la date de conclusion)' : 'non (majeur à la date de conclusion)',
        received: apprentiMineur ? 'oui' : 'non',
      });
    }
    if (!mineur && apprentiMineurNonEmancipe === true) {
      violations.push({
        path: 'apprenti.apprentiMineurNonEmancipe',
        expected: 'non (apprenti majeur à la date de conclusion)',
        received: 'oui',
      });
    }
    return verdict(violations);
  },
  plant(valid) {
    const cerfa = copie(valid);
    const age = ageAt(date(cerfa.apprenti.dateNaissance, 'apprenti.dateNaissance'), date(cerfa.contrat.dateConclusion, 'contrat.dateConclusion'));
    cerfa.apprenti.apprentiMineur = !(age < params.ageMajorite);
    return { payload: cerfa };
  },
});
