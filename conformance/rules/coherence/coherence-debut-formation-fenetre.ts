// F1: the theoretical training starts within 3 months before or after the contract's start (and of the practical training's).
import { defineRule, skip, verdict, type Violation } from '../rule.js';
import { addDays, addMonths } from '../../remuneration/calendar.js';
import { factsOf } from '../support/facts.js';
import { copie, date, iso } from '../support/plant.js';

const PATH = 'formation.dateDebutFormation';

export default defineRule<'cerfa'>({
  id: 'coherence-debut-formation-fenetre',
  title: "La formation théorique doit débuter au plus tôt 3 mois avant et au plus tard 3 mois après le début d'exécution du contrat",
  requirements: ['COH-08', 'COH-05', 'COH-35'],
  severity: 'bloquant',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const { debutContrat, debutFormation, debutFormationPratique } = factsOf(cerfa);
    if (debutContrat === undefined || debutFormation === undefined) return skip('date de début de contrat ou de formation illisible');
    const violations: Violation[] = [];
    const min = addMonths(debutContrat, -3);
    const max = addMonths(debutContrat, 3);
    if (debutFormation < min || debutFormation > max) {
      violations.push({ path: PATH, expected: `entre le ${iso(min)} et le ${iso(max)}`, received: iso(debutFormation) });
    }
    if (debutFormationPratique !== undefined && debutFormation < addMonths(debutFormationPratique, -3)) {
      violations.push({
        path: PATH,
        expected: `au plus tôt le ${iso(addMonths(debutFormationPratique, -3))} (début de formation pratique − 3 mois)`,
        received: iso(debutFormation),
        message: 'La date de début de formation théorique ne peut être antérieure à 3 mois avant la date de début de formation pratique',
      });
    }
    return verdict(violations);
  },
  plant(valid) {
    const cerfa = copie(valid);
    const debut = date(cerfa.contrat.dateDebutContrat, 'contrat.dateDebutContrat');
    cerfa.formation.dateDebutFormation = iso(addDays(addMonths(debut, -3), -1));
    // Training before the contract is the trainee case (L6222-12-1): situation 7, contract starting at signature.
    cerfa.apprenti.situationAvantContrat = 7;
    cerfa.contrat.dateConclusion = iso(debut);
    return { payload: cerfa };
  },
});
