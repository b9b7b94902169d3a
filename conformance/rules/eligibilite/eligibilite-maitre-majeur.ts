// M2 (R6223-22): each maître d'apprentissage is an adult at the start of the contract.
import { defineRule, skip, verdict, type Violation } from '../rule.js';
import { addMonths, ageAt } from '../../remuneration/calendar.js';
import { eligibiliteParams } from '../support/params.js';
import { factsOf, todayOf } from '../support/facts.js';
import { copie, date, iso, nirAvecNaissance } from '../support/plant.js';

const params = eligibiliteParams();

export default defineRule<'cerfa'>({
  id: 'eligibilite-maitre-majeur',
  title: "Le maître d'apprentissage doit être majeur à la date de début d'exécution du contrat",
  requirements: ['ELIG-09', 'ELIG-22'],
  severity: 'bloquant',
  area: 'eligibilite',
  appliesTo: ['cerfa'],
  check(cerfa, context) {
    const facts = factsOf(cerfa);
    if (facts.debutContrat === undefined) return skip('date de début de contrat illisible');
    const today = todayOf(context);
    const violations: Violation[] = [];
    const maitres = [['maitre1', facts.maitre1Naissance], ['maitre2', facts.maitre2Naissance]] as const;
    for (const [cle, naissance] of maitres) {
      // A birth date in the future is coherence-maitre-naissance-passee's finding, not an age problem.
      if (naissance === undefined || (today !== undefined && naissance > today)) continue;
      const age = ageAt(naissance, facts.debutContrat);
      if (age < params.ageMajorite) {
        violations.push({ path: `${cle}.dateNaissance`, expected: `au moins ${params.ageMajorite} ans au début du contrat`, received: `${age} ans` });
      }
    }
    return verdict(violations);
  },
  plant(valid) {
    const cerfa = copie(valid);
    const debut = date(cerfa.contrat.dateDebutContrat, 'contrat.dateDebutContrat');
    const naissance = addMonths(debut, -((params.ageMajorite - 1) * 12 + 6));
    cerfa.maitre1.dateNaissance = iso(naissance);
    if (cerfa.maitre1.nir) cerfa.maitre1.nir = nirAvecNaissance(cerfa.maitre1.nir, naissance);
    return { payload: cerfa };
  },
});
