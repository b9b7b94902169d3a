// Seed 003: a dossier whose certification is inactive in the RNCP is refused (needs the référentiel in the context).
import { defineRule, fail, pass, skip } from '../rule.js';
import { copie } from '../support/plant.js';

/** RNCP codes compare without their "RNCP" prefix and case. */
function normaliser(code: string): string {
  const upper = code.trim().toUpperCase();
  return upper.startsWith('RNCP') ? upper.slice(4) : upper;
}

const sets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** Whether `code` is in the inactive list: a scan for the usual short lists, an indexed set for a référentiel. */
function estInactif(list: readonly string[], code: string): boolean {
  const cible = normaliser(code);
  if (list.length <= 16) {
    for (const c of list) if (typeof c === 'string' && normaliser(c) === cible) return true;
    return false;
  }
  let set = sets.get(list);
  if (!set) {
    set = new Set(list.filter((c) => typeof c === 'string').map(normaliser));
    sets.set(list, set);
  }
  return set.has(cible);
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
