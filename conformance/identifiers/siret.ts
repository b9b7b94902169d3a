// SIREN (9 digits) and SIRET (14 digits) validity: Luhn, with La Poste's own rule for its establishments (norme.md §3.4).

import { digitSum, luhnValid } from './luhn.js';

/** La Poste's SIREN; its establishments outnumber what Luhn allows, so INSEE gave them a digit-sum rule instead. */
export const SIREN_LA_POSTE = '356000000';

export function isValidSiren(s: string): boolean {
  return s.length === 9 && luhnValid(s);
}

export function isValidSiret(s: string): boolean {
  if (s.length !== 14) return false;
  if (luhnValid(s)) return true;
  return s.startsWith(SIREN_LA_POSTE) && digitSum(s) % 5 === 0;
}
