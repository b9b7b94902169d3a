// Seed 003: a dossier whose certification is inactive in the RNCP is refused (needs the référentiel in the context).
import { defineRule, fail, pass, skip } from '../rule.js';
import { copie } from '../coherence/support/plant.js';

/** RNCP codes compare without their "RNCP" prefix and case. */
function normaliser(code: string): string {
  const upper = code.trim().toUpperCase();
  return upper.startsWith('RNCP') ? upper.slice(4) : upper;
}

const sets = new WeakMap<readonly string[], ReadonlySet<string>>();

function inactifs(list: readonly string[]): ReadonlySet<string> {
  let set = sets.get(list);
  if (!set) {
    set = new Set(list.filter((c) => typeof c === 'string').map(normaliser));
    sets.set(list, set);
  }
  return set;
}

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
    if (!inactifs(context.rncpInactifs).has(normaliser(rncp))) return pass();
    return fail({ path: 'formation.rncp', expected: 'une certification active au RNCP', received: `${rncp} (inactive)` });
  },
  plant(valid, context) {
    return {
      payload: copie(valid),
      context: { ...context, rncpInactifs: [...(context.rncpInactifs ?? []), valid.formation.rncp] },
    };
  },
});
