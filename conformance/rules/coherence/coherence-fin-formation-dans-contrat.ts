// F3: the training ends inside the contract (not before its start or conclusion, not after its end).
import { defineRule, skip, verdict, type Violation } from '../rule.js';
import { addDays } from '../../remuneration/calendar.js';
import { eligibiliteParams } from '../support/params.js';
import { factsOf } from '../support/facts.js';
import { fenetreContrat, SKIP_FENETRE } from '../support/window.js';
import { copie, date, iso } from '../support/plant.js';

const params = eligibiliteParams();
const PATH = 'formation.dateFinFormation';

export default defineRule<'cerfa'>({
  id: 'coherence-fin-formation-dans-contrat',
  title: 'La date de fin de formation doit être comprise dans la période du contrat',
  requirements: ['COH-10'],
  severity: 'bloquant',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const facts = factsOf(cerfa);
    const fin = facts.finFormation;
    if (fin === undefined) return skip('date de fin de formation illisible');
    const fenetre = fenetreContrat(facts);
    if (!fenetre) return skip(SKIP_FENETRE);
    const violations: Violation[] = [];
    if (fin < fenetre.debut) {
      violations.push({ path: PATH, expected: `au plus tôt le ${iso(fenetre.debut)}`, received: iso(fin),
        message: "La date de fin de formation ne peut être antérieure à la date de début d'exécution du contrat" });
    }
    if (fin > fenetre.fin) {
      violations.push({ path: PATH, expected: `au plus tard le ${iso(fenetre.fin)}`, received: iso(fin),
        message: 'La date de fin de formation ne peut être postérieure à la date de fin de contrat' });
    }
    const avenant = params.typesAvenant.has(cerfa.contrat.typeContratApp);
    if (!avenant && facts.conclusion !== undefined && fin < facts.conclusion) {
      violations.push({ path: PATH, expected: `au plus tôt le ${iso(facts.conclusion)}`, received: iso(fin),
        message: 'La date de fin de formation ne peut être antérieure à la date de conclusion du contrat' });
    }
    return verdict(violations);
  },
  plant(valid) {
    const cerfa = copie(valid);
    cerfa.formation.dateFinFormation = iso(addDays(date(cerfa.contrat.dateFinContrat, 'contrat.dateFinContrat'), 1));
    return { payload: cerfa };
  },
});
