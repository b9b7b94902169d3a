// NIR (numéro de sécurité sociale): structure, mod-97 key with the Corsica substitution (norme.md §3.4, controls N1–N5 §3.2).

export interface NirParts {
  /** 1 man, 2 woman (the only values the CERFA accepts, control N3). */
  sexe: 1 | 2;
  /** Two-digit birth year. */
  annee: string;
  /** Two-digit birth month; 20–42 and 50–99 are INSEE's placeholder months when the month is unknown. */
  mois: string;
  /** 2 characters (`75`, `2A`, `99` abroad), or 3 digits for overseas départements (`971`). */
  departement: string;
  /** Commune (3 digits; 2 for overseas départements; the country code when departement is 99). */
  commune: string;
  ordre: string;
  cle?: string;
}

const ZERO = 48;

function isDigit(code: number): boolean {
  return code >= ZERO && code <= ZERO + 9;
}

function allDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** Whether a two-digit month is a real month (01–12) or one of INSEE's placeholders (20–42, 50–99). */
function isNirMonth(m: number): boolean {
  return (m >= 1 && m <= 12) || (m >= 20 && m <= 42) || (m >= 50 && m <= 99);
}

/**
 * (first 13 characters of `nir`) mod 97, with `2A`/`2B` at positions 6–7 read as 19/18 (INSEE's rule: the
 * letter counts as 0, then 1 000 000 or 2 000 000 is subtracted). −1 on any other non-digit.
 */
function nirRemainder(nir: string): number {
  const d1 = nir.charCodeAt(6);
  const corse = nir.charCodeAt(5) === ZERO + 2 && (d1 === 65 || d1 === 66);
  let r = 0;
  for (let i = 0; i < 13; i++) {
    let d: number;
    if (corse && i === 5) d = 1;
    else if (corse && i === 6) d = d1 === 65 ? 9 : 8;
    else {
      d = nir.charCodeAt(i) - ZERO;
      if (!(d >= 0 && d <= 9)) return -1;
    }
    r = (r * 10 + d) % 97;
  }
  return r;
}

/** The 2-digit key of a 13-character NIR: 97 − (n mod 97), Corsica's 2A/2B read as 19/18. Throws on malformed input. */
export function nirKey(nir13: string): string {
  const r = nir13.length === 13 ? nirRemainder(nir13) : -1;
  if (r < 0) throw new RangeError('nirKey expects 13 characters: digits, and 2A/2B for Corsica');
  const key = 97 - r;
  return key < 10 ? `0${key}` : String(key);
}

/** Whether a NIR has 13 characters, or 15 (the key) — sexe 1/2, month, département checked; the key is not. */
export function isWellFormedNir(nir: string): boolean {
  const len = nir.length;
  if (len !== 13 && len !== 15) return false;
  const s0 = nir.charCodeAt(0);
  if (s0 !== ZERO + 1 && s0 !== ZERO + 2) return false;
  if (!allDigits(nir, 1, 5)) return false;
  if (!isNirMonth((nir.charCodeAt(3) - ZERO) * 10 + (nir.charCodeAt(4) - ZERO))) return false;
  const d0 = nir.charCodeAt(5);
  const d1 = nir.charCodeAt(6);
  const corse = d0 === ZERO + 2 && (d1 === 65 || d1 === 66);
  if (!corse && !(isDigit(d0) && isDigit(d1))) return false;
  return allDigits(nir, 7, len);
}

/** Splits a NIR of 13 or 15 characters (no spaces) into its parts; null when the format is wrong (the key is not checked). */
export function parseNir(nir: string): NirParts | null {
  if (!isWellFormedNir(nir)) return null;
  const c5 = nir.charCodeAt(5);
  const c6 = nir.charCodeAt(6);
  const outreMer = c5 === ZERO + 9 && (c6 === ZERO + 7 || c6 === ZERO + 8);
  const deptEnd = outreMer ? 8 : 7;
  const parts: NirParts = {
    sexe: nir.charCodeAt(0) === ZERO + 1 ? 1 : 2,
    annee: nir.slice(1, 3),
    mois: nir.slice(3, 5),
    departement: nir.slice(5, deptEnd),
    commune: nir.slice(deptEnd, 10),
    ordre: nir.slice(10, 13),
  };
  if (nir.length === 15) parts.cle = nir.slice(13, 15);
  return parts;
}

/** Whether a well-formed 15-character NIR carries the right key; false when there is no key or the format is wrong. */
export function nirKeyMatches(nir: string): boolean {
  if (nir.length !== 15 || !isWellFormedNir(nir)) return false;
  const key = (nir.charCodeAt(13) - ZERO) * 10 + (nir.charCodeAt(14) - ZERO);
  return key === 97 - nirRemainder(nir);
}

/** Format check (13 or 15 characters) plus the key when it is present. */
export function isValidNir(nir: string): boolean {
  return nir.length === 13 ? isWellFormedNir(nir) : nirKeyMatches(nir);
}
