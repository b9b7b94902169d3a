// C2, D1, D3: an avenant of type 31 to 37 has an effective date inside the contract.
import { defineRule, fail, notApplicable, skip, verdict, type Violation } from '../rule.js';
import { eligibiliteParams } from '../support/params.js';
import { factsOf } from '../support/facts.js';
import { copie, iso } from '../support/plant.js';
import { enAvenant } from '../support/avenant.js';

const params = eligibiliteParams();
const PATH = 'contrat.dateEffetAvenant';

export default defineRule<'cerfa'>({
  id: 'coherence-avenant-date-effet',
  title: "Un avenant (types 31 à 37) doit avoir une date d'effet comprise entre le début et la fin du contrat",
  requirements: ['COH-13', 'COH-14'],
  severity: 'bloquant',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const type = cerfa.contrat?.typeContratApp;
    if (!params.typesAvenantNumeroRequis.has(type)) return notApplicable("le contrat n'est pas un avenant de type 31 à 37");
    if (cerfa.contrat.dateEffetAvenant === undefined || cerfa.contrat.dateEffetAvenant === '') {
      return fail({ path: PATH, expected: `la date d'effet de l'avenant (type ${type})`, received: 'absente' });
    }
    const { effetAvenant, debutContrat, finContrat } = factsOf(cerfa);
    if (effetAvenant === undefined) return skip("date d'effet de l'avenant illisible");
    const violations: Violation[] = [];
    if (debutContrat !== undefined && debutContrat > effetAvenant) {
      violations.push({ path: PATH, expected: `au plus tôt le ${iso(debutContrat)} (début du contrat)`, received: iso(effetAvenant),
        message: "La date de début de contrat ne peut pas être après la date d'effet de l'avenant" });
    }
    // With the contract's dates inverted, coherence-fin-contrat-apres-debut reports the problem once.
    if (finContrat !== undefined && debutContrat !== undefined && finContrat > debutContrat && finContrat < effetAvenant) {
      violations.push({ path: PATH, expected: `au plus tard le ${iso(finContrat)} (fin du contrat)`, received: iso(effetAvenant),
        message: "La date de fin de contrat ne peut pas être avant la date d'effet de l'avenant" });
    }
    return verdict(violations);
  },
  plant(valid) {
    const cerfa = copie(valid);
    enAvenant(cerfa);
    delete cerfa.contrat.dateEffetAvenant;
    return { payload: cerfa };
  },
});
