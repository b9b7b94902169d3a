// The contract window shared by the rules that compare a date with the contract's start and end.
import type { CerfaFacts } from './facts.js';
import type { Ymd } from '../../remuneration/calendar.js';

export interface FenetreContrat {
  debut: Ymd;
  fin: Ymd;
}

/**
 * The contract's [start, end] when both are readable and in order; undefined otherwise, in which case the
 * dependent rules skip and `coherence-fin-contrat-apres-debut` reports the inversion once.
 */
export function fenetreContrat(facts: CerfaFacts): FenetreContrat | undefined {
  const { debutContrat, finContrat } = facts;
  if (debutContrat === undefined || finContrat === undefined || finContrat <= debutContrat) return undefined;
  return { debut: debutContrat, fin: finContrat };
}

export const SKIP_FENETRE = 'dates de début et de fin de contrat illisibles ou inversées (voir coherence-fin-contrat-apres-debut)';
