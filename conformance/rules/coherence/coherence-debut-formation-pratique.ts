// D9: the practical training starts within the contract, within 3 months of its start, and not before its conclusion.
import { defineRule, notApplicable, skip, verdict, type Violation } from '../rule.js';
import { addDays, addMonths } from '../../remuneration/calendar.js';
import { eligibiliteParams } from '../support/params.js';
import { factsOf } from '../support/facts.js';
import { fenetreContrat, SKIP_FENETRE } from '../support/window.js';
import { copie, date, iso } from '../support/plant.js';

const params = eligibiliteParams();
const PATH = 'contrat.dateFormationPratiqueEmployeur';

export default defineRule<'cerfa'>({
  id: 'coherence-debut-formation-pratique',
  title: "La date de début de la formation pratique chez l'employeur doit se situer dans les 3 premiers mois du contrat",
  requirements: ['COH-03'],
  severity: 'bloquant',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const facts = factsOf(cerfa);
    const pratique = facts.debutFormationPratique;
    if (cerfa.contrat?.dateFormationPratiqueEmployeur === undefined) return notApplicable('date de début de formation pratique non renseignée');
    if (pratique === undefined) return skip('date de début de formation pratique illisible');
    const fenetre = fenetreContrat(facts);
    if (!fenetre) return skip(SKIP_FENETRE);
    const violations: Violation[] = [];
    if (pratique < fenetre.debut) {
      violations.push({ path: PATH, expected: `au plus tôt le ${iso(fenetre.debut)}`, received: iso(pratique),
        message: "La date de début de formation pratique ne peut être antérieure à la date de début d'exécution du contrat" });
    }
    const limite = addMonths(fenetre.debut, 3);
    if (pratique > limite) {
      violations.push({ path: PATH, expected: `au plus tard le ${iso(limite)}`, received: iso(pratique),
        message: "La date de début de formation pratique ne peut être postérieure à 3 mois après la date de début d'exécution du contrat" });
    }
    const avenant = params.typesAvenant.has(cerfa.contrat.typeContratApp);
    if (!avenant && facts.conclusion !== undefined && pratique < facts.conclusion) {
      violations.push({ path: PATH, expected: `au plus tôt le ${iso(facts.conclusion)} (conclusion)`, received: iso(pratique),
        message: 'La date de début de formation pratique ne peut pas être antérieure à la date de conclusion du contrat' });
    }
    if (pratique > fenetre.fin) {
      violations.push({ path: PATH, expected: `au plus tard le ${iso(fenetre.fin)}`, received: iso(pratique),
        message: 'La date de début de formation pratique ne peut pas être postérieure à la date de fin du contrat' });
    }
    return verdict(violations);
  },
  plant(valid) {
    const cerfa = copie(valid);
    cerfa.contrat.dateFormationPratiqueEmployeur = iso(addDays(date(cerfa.contrat.dateDebutContrat, 'contrat.dateDebutContrat'), -1));
    return { payload: cerfa };
  },
});
