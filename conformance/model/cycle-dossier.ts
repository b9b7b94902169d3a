// The order in which a dossier's states may be observed: what the lifecycle rule judges instead of sampling each state.
import type { EtatDossier } from './dossier.js';

/**
 * The states that may be read after each state, directly or not. No source publishes the graph: it follows the
 * norm's states (research norme.md §1.6, CERFA-OLD's "Etat du contrat"), the lifecycle clauses (CDV-01 to CDV-03:
 * TRANSMIS, instruction, then a decision) and seed 003 (an engaged contract that never started is ANNULE; a rupture
 * ends in a SOLDE once its last invoice is paid). A reader polling now and then may miss any intermediate state,
 * so every later state is allowed, never an earlier one. `RUPTU` (AKTO) is read as RUPTURE.
 */
export const ETATS_SUIVANTS: Readonly<Record<EtatDossier, readonly EtatDossier[]>> = {
  TRANSMIS: ['EN_COURS_INSTRUCTION', 'ENGAGE', 'REFUSE', 'ANNULE', 'RUPTURE', 'SOLDE'],
  EN_COURS_INSTRUCTION: ['ENGAGE', 'REFUSE', 'ANNULE', 'RUPTURE', 'SOLDE'],
  ENGAGE: ['RUPTURE', 'SOLDE', 'ANNULE'],
  RUPTURE: ['SOLDE'],
  REFUSE: [],
  ANNULE: [],
  SOLDE: [],
};

const normal = (etat: unknown): unknown => (etat === 'RUPTU' ? 'RUPTURE' : etat);

/** Whether `apres` may be read after `avant` (the same state, or one that may follow it). */
export function peutSuivre(avant: unknown, apres: unknown): boolean {
  const a = normal(avant);
  const b = normal(apres);
  if (a === b) return true;
  const suivants = (ETATS_SUIVANTS as Record<string, readonly string[] | undefined>)[String(a)];
  return suivants !== undefined && suivants.includes(String(b));
}
