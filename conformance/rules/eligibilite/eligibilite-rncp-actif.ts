// Seed 003: a dossier whose certification is inactive in the RNCP is refused (needs the référentiel in the context).
import { defineRule, fail, pass, skip } from '../rule.js';
import { copie } from '../support/plant.js';
import { dansListeRncp } from './rncp.js';

const estInactif = dansListeRncp;

export default defineRule<'cerfa'>({
  id: 'eligibilite-rncp-actif',
  title: 'La certification préparée doit être active au RNCP',
  requirements: ['ELIG-17', 'ELIG-23'],
  severity: 'bloquant',
  area: 'eligibilite',
  appliesTo: ['cerfa'],
  check(cerfa, context) {
    if (!context.rncpInactifs) return skip('référentiel RNCP non fourni (contexte sans rncpInactifs)');
    const rncp = cerfa.formation?.rncp;
    if (typeof rncp !== 'string' || rncp.trim() === '') return skip('code RNCP non renseigné');
    if (!estInactif(context.rncpInactifs, rncp)) return pass();
    return fail({ path: 'formation.rncp', expected: 'une certification active au RNCP', received: `${rncp} (inactive)` });
  },
  plant(valid, context) {
    return {
      payload: copie(valid),
      context: { ...context, rncpInactifs: [...(context.rncpInactifs ?? []), valid.formation.rncp] },
    };
  },
});
