// Identifier formats (norme.md §3.4) checked by scanning characters: these run on every payload, and a scan is
// two to five times cheaper than the equivalent regex on the target machines. Each function states its pattern.

const ZERO = 48;
const NINE = 57;

function digitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= ZERO && c <= NINE;
}

function upperAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 65 && c <= 90;
}

/** Characters [from, to) are all ASCII digits. */
function digits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!digitAt(s, i)) return false;
  return true;
}

/** Whitespace as `\s` sees it in ASCII and the usual Unicode spaces. */
function spaceAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c > 32 && c < 127) return false; // printable ASCII, the common case
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x2007 || c === 0x202f || c === 0xfeff || (c >= 0x2000 && c <= 0x200a);
}

/** `^(RNCP)?[0-9]{2,5}$` (flux-retour-cfas, CERFA-OLD). */
export function isValidRncp(s: string): boolean {
  const from = s.startsWith('RNCP') ? 4 : 0;
  const n = s.length - from;
  return n >= 2 && n <= 5 && digits(s, from, s.length);
}

/** `^[0-9A-Z]{8}[A-Z]?$`: CFD, 8 upper-case alphanumerics plus an optional speciality letter (CERFA-OLD). */
export function isValidCodeDiplome(s: string): boolean {
  const n = s.length;
  if (n !== 8 && n !== 9) return false;
  for (let i = 0; i < 8; i++) if (!digitAt(s, i) && !upperAt(s, i)) return false;
  return n === 8 || upperAt(s, 8);
}

/** `^[0-9]{2}\.?[0-9]{2}[A-Z]$`: NAF/APE, 4 digits and a capital letter, dot optional (`62.01Z`, `6201Z`). */
export function isValidNaf(s: string): boolean {
  if (s.length === 5) return digits(s, 0, 4) && upperAt(s, 4);
  return s.length === 6 && digits(s, 0, 2) && s.charCodeAt(2) === 46 && digits(s, 3, 5) && upperAt(s, 5);
}

/** `^[0-9]{4}$` but not 0000: IDCC travels left-padded to 4 digits (9999 none, 9998 under negotiation are valid). */
export function isValidIdcc(s: string): boolean {
  return s.length === 4 && digits(s, 0, 4) && s !== '0000';
}

/** `^[0-9]{5}$`. */
export function isValidCodePostal(s: string): boolean {
  return s.length === 5 && digits(s, 0, 5);
}

/**
 * CERFA-OLD's `^([0-9][0-9]|2[AB]|9[012345]|97[1234678]|98[46789])$` (whose `[0-9][0-9]` also lets 99, abroad,
 * through) minus `00`. Kept as the source wrote it otherwise: 975 and 977 are not in its overseas list.
 */
export function isValidDepartement(s: string): boolean {
  if (s.length === 2) {
    if (digitAt(s, 0) && digitAt(s, 1)) return s !== '00';
    return s.charCodeAt(0) === 50 && (s.charCodeAt(1) === 65 || s.charCodeAt(1) === 66);
  }
  if (s.length !== 3 || s.charCodeAt(0) !== 57) return false;
  const c1 = s.charCodeAt(1);
  const c2 = s.charCodeAt(2);
  if (c1 === 55) return c2 >= 49 && c2 <= 56 && c2 !== 53; // 971–978 except 975
  if (c1 === 56) return c2 === 52 || (c2 >= 54 && c2 <= 57); // 984, 986–989
  return false;
}

/**
 * DECA contract/avenant number, CERFA-OLD's regex
 * `^(0[0-9][0-9]|02[ABab]|9[012345]|97[12346])([0-9]{4})([0-1][0-9])((NC|nc)|[0-9]{2})([0-9]{4})$`:
 * département (3 characters, or 2 for 90–95 as the source allows), year, month, NC or 2 digits, 4 digits.
 */
export function isValidNumeroDeca(s: string): boolean {
  let dep: number;
  const c0 = s.charCodeAt(0);
  const c1 = s.charCodeAt(1);
  const c2 = s.charCodeAt(2);
  if (c0 === ZERO && digitAt(s, 1) && digitAt(s, 2)) dep = 3;
  else if (c0 === ZERO && c1 === 50 && (c2 === 65 || c2 === 66 || c2 === 97 || c2 === 98)) dep = 3;
  else if (c0 === NINE && c1 === 55 && (c2 === 49 || c2 === 50 || c2 === 51 || c2 === 52 || c2 === 54)) dep = 3;
  else if (c0 === NINE && c1 >= ZERO && c1 <= 53) dep = 2;
  else return false;
  if (s.length !== dep + 12 || !digits(s, dep, dep + 6)) return false;
  const m0 = s.charCodeAt(dep + 4);
  if (m0 !== ZERO && m0 !== 49) return false;
  const n0 = s.charCodeAt(dep + 6);
  const n1 = s.charCodeAt(dep + 7);
  const nc = (n0 === 78 && n1 === 67) || (n0 === 110 && n1 === 99);
  return (nc || (digitAt(s, dep + 6) && digitAt(s, dep + 7))) && digits(s, dep + 8, dep + 12);
}

/**
 * Structure only, no DNS: `^[^\s@]+@(?:[^\s@.]+\.)+[^\s@.]+$` — something before a single @, a domain of
 * non-empty dot-separated labels with at least one dot, no whitespace anywhere.
 */
export function isValidCourriel(s: string): boolean {
  const at = s.indexOf('@');
  const n = s.length;
  if (at <= 0 || at === n - 1) return false;
  for (let i = 0; i < at; i++) if (spaceAt(s, i)) return false;
  let dots = 0;
  let label = 0;
  for (let i = at + 1; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 64 || spaceAt(s, i)) return false;
    if (c === 46) {
      if (label === 0) return false;
      dots++;
      label = 0;
    } else label++;
  }
  return dots > 0 && label > 0;
}

/**
 * French number — `0[1-9]` + 8 digits, or `+33[1-9]` + 8 digits — or any other country's `+` and 8–15 digits
 * (E.164). Spaces and dots between digits are tolerated; a `+33` number must follow the French plan.
 */
export function isValidTelephone(s: string): boolean {
  let count = 0;
  let lead = -1; // first digit
  let first = -1; // first digit after the prefix (0 or 33)
  let start = 0;
  while (start < s.length && (s.charCodeAt(start) === 32 || s.charCodeAt(start) === 46)) start++;
  const plus = s.charCodeAt(start) === 43;
  let cc = 0; // the first two digits after '+', to spot +33
  for (let i = plus ? start + 1 : start; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 46) continue;
    if (c < ZERO || c > NINE) return false;
    if (count === 0) lead = c - ZERO;
    if (count < 2) cc = cc * 10 + (c - ZERO);
    if (count === (plus ? 2 : 1)) first = c - ZERO;
    count++;
  }
  if (!plus) return count === 10 && lead === 0 && first > 0;
  if (cc === 33) return count === 11 && first > 0;
  return count >= 8 && count <= 15;
}
