// A dossier moves through the norm's states in order: each state read is a state of the norm that may follow the ones read before.
import { defineRule } from '../rule.js';
import { judgeListed, show, valueAt, withResponse } from './support.js';
import { ETATS_DOSSIER } from '../../model/dossier.js';
import { ETATS_SUIVANTS, peutSuivre } from '../../model/cycle-dossier.js';
import type { Echange } from '../../model/payloads.js';
import type { Violation } from '../rule.js';

function violations(e: Echange): Violation[] {
  const etat = valueAt(e.response.body, 'cerfa.etat');
  const connus: readonly unknown[] = [...ETATS_DOSSIER, 'RUPTU'];
  if (!connus.includes(etat)) return [{ path: 'cerfa.etat', expected: 'un état de la norme', received: show(etat) }];
  const attendu = e.expected?.etat;
  if (attendu === undefined) return [];
  // Judged by order, not by sampling: a state read later than expected is right, an earlier one is not.
  const precedent = e.expected?.etatsLus?.at(-1);
  if (precedent !== undefined && !peutSuivre(precedent, etat)) {
    return [{ path: 'cerfa.etat', expected: `${precedent} ou un état qui le suit (${(ETATS_SUIVANTS as Record<string, readonly string[]>)[precedent]?.join(', ') || 'aucun'})`, received: `${show(etat)} (après ${e.expected!.etatsLus!.join(' → ')})` }];
  }
  if (!peutSuivre(attendu, etat)) {
    return [{ path: 'cerfa.etat', expected: `${attendu} ou un état qui le suit`, received: show(etat) }];
  }
  return [];
}

export default defineRule({
  id: 'serveur-cycle-de-vie',
  title: "Le dossier passe par les états de la norme (TRANSMIS, EN_COURS_INSTRUCTION, ENGAGE…) dans l'ordre du cycle de vie",
  requirements: ['CDV-01', 'CDV-02', 'CDV-03', 'CDV-08'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) => judgeListed(echange, 'serveur-cycle-de-vie', violations),
  plant: (valid) => ({ payload: withResponse(valid, 'serveur-cycle-de-vie', { body: { cerfa: { etat: 'EN_ATTENTE' } } }) }),
});
