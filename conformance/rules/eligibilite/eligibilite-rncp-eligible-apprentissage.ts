// Seed 003: the OPCO checks that the RNCP fiche of the certification ticks « formation éligible à l'apprentissage ».
import { defineRule, fail, pass, skip } from '../rule.js';
import { copie } from '../support/plant.js';
import { dansListeRncp } from './rncp.js';

export default defineRule<'cerfa'>({
  id: 'eligibilite-rncp-eligible-apprentissage',
  title: "La certification préparée doit être éligible à l'apprentissage au RNCP",
  requirements: ['ELIG-18'],
  severity: 'bloquant',
  area: 'eligibilite',
  appliesTo: ['cerfa'],
  check(cerfa, context) {
    if (!context.rncpNonEligibles) return skip('référentiel RNCP non fourni (contexte sans rncpNonEligibles)');
    const rncp = cerfa.formation?.rncp;
    if (typeof rncp !== 'string' || rncp.trim() === '') return skip('code RNCP non renseigné');
    if (!dansListeRncp(context.rncpNonEligibles, rncp)) return pass();
    return fail({
      path: 'formation.rncp',
      expected: "une certification dont la fiche RNCP coche « formation éligible à l'apprentissage »",
      received: `${rncp} (non éligible à l'apprentissage)`,
      message: "La certification préparée n'est pas éligible à l'apprentissage au RNCP",
    });
  },
  plant(valid, context) {
    return {
      payload: copie(valid),
      context: { ...context, rncpNonEligibles: [...(context.rncpNonEligibles ?? []), valid.formation.rncp] },
    };
  },
});
