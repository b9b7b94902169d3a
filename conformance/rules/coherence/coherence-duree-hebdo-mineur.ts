// L3162-1: an apprentice under 18 works at most 35 hours a week (derogations exist, hence a warning).
import { defineRule, fail, notApplicable, pass, skip } from '../rule.js';
import { eligibiliteParams } from '../support/params.js';
import { garderPartFormation } from '../support/part-formation.js';
import { factsOf, naissanceApprentiFuture, SKIP_NAISSANCE_FUTURE } from '../support/facts.js';
import { copie, fixerAgeApprenti } from '../support/plant.js';

const params = eligibiliteParams();

export default defineRule<'cerfa'>({
  id: 'coherence-duree-hebdo-mineur',
  title: "Un apprenti mineur ne peut, sauf dérogation, travailler plus de 35 heures par semaine",
  requirements: ['COH-20'],
  severity: 'avertissement',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa, context) {
    const facts = factsOf(cerfa);
    if (naissanceApprentiFuture(facts, context)) return skip(SKIP_NAISSANCE_FUTURE);
    if (facts.ageDebut === undefined) return skip('âge au début du contrat inconnu');
    if (facts.ageDebut >= params.ageMajorite) return notApplicable('apprenti majeur au début du contrat');
    const heures = cerfa.contrat.dureeTravailHebdoHeures;
    const minutes = cerfa.contrat.dureeTravailHebdoMinutes ?? 0;
    if (typeof heures !== 'number' || typeof minutes !== 'number') return skip('durée hebdomadaire non numérique');
    const max = params.dureeHebdoMaximumHeuresMineur;
    if (heures * 60 + minutes <= max * 60) return pass();
    return fail({
      path: 'contrat.dureeTravailHebdoHeures',
      expected: `au plus ${max} h par semaine pour un apprenti de ${facts.ageDebut} ans (sauf dérogation)`,
      received: `${heures} h ${minutes} min`,
    });
  },
  plant(valid) {
    const cerfa = copie(valid);
    fixerAgeApprenti(cerfa, 17);
    cerfa.contrat.dureeTravailHebdoHeures = 38;
    cerfa.contrat.dureeTravailHebdoMinutes = 0;
    garderPartFormation(cerfa, params);
    return { payload: cerfa };
  },
});
