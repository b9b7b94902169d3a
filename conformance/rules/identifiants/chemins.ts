// Where each kind of identifier sits in the four payloads: path lists for plants, a loose shape for fast reads.
import { champs } from '../support/champs.js';

/** Any payload kind, possibly malformed JSON: every read is optional and every leaf unknown. */
export interface Bloc {
  readonly siret?: unknown;
  readonly uaiCfa?: unknown;
  readonly IBAN?: unknown;
}
export interface PayloadLache {
  readonly employeur?: Bloc | null;
  readonly organismeFormation?: Bloc | null;
  readonly organismeFormationLieuFormationPrincipal?: Bloc | null;
  readonly certificatRealisation?: { readonly employeur?: Bloc | null; readonly organismeFormation?: Bloc | null } | null;
}

/** Every SIRET: CERFA (employer, CFA, training site), invoice (emitter, embedded certificat), convention, certificat. */
export const CHAMPS_SIRET = champs(
  'employeur.siret',
  'organismeFormation.siret',
  'organismeFormationLieuFormationPrincipal.siret',
  'certificatRealisation.employeur.siret',
  'certificatRealisation.organismeFormation.siret',
);

export const CHAMPS_UAI = champs('organismeFormation.uaiCfa', 'organismeFormationLieuFormationPrincipal.uaiCfa');

export const CHAMPS_NIR = champs('apprenti.nir', 'maitre1.nir', 'maitre2.nir');

/**
 * A birth département on 2 characters: real software pads it to 3 (`069`, `02A`, `099` abroad, wire-format.md §1),
 * so a leading `0` of a 3-character code is dropped; `971` and every other value come back unchanged.
 */
export function departementSurDeux(d: string): string {
  return d.length === 3 && d.charCodeAt(0) === 48 ? d.slice(1) : d;
}

/** A foreign address (pays set and not France) has no French postal code or département to check. */
export function estEtranger(pays: unknown): boolean {
  if (typeof pays !== 'string' || pays === '') return false;
  const p = pays.trim().toUpperCase();
  return p !== 'FRANCE' && p !== 'FR' && p !== 'FRA';
}

/** `^[0-9]{14}$`, the SIRET shape, scanned. */
export function quatorzeChiffres(s: string): boolean {
  if (s.length !== 14) return false;
  for (let i = 0; i < 14; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `^[0-9]{7}[A-Za-z]$`, the UAI shape (the CERFA form's regex accepts a lower-case letter). */
export function formeUai(s: string): boolean {
  if (s.length !== 8) return false;
  for (let i = 0; i < 7; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const l = s.charCodeAt(7) | 32;
  return l >= 97 && l <= 122;
}
