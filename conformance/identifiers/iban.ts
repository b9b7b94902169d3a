// IBAN (ISO 13616) check digits and validity: mod 97 = 1 after moving the first 4 characters to the end (norme.md §3.4).

/** Lengths of the countries a French CFA is likely to bank in; other countries get the ISO bounds 15–34. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  FR: 27, MC: 27, DE: 22, BE: 16, LU: 20, CH: 21, ES: 24, IT: 27, PT: 25, NL: 18, GB: 22, IE: 22, AT: 20,
};

/** Folds characters [from, to) of `s` into `r` mod 97, letters counting as 10–35; -1 on any other character. */
function fold(s: string, from: number, to: number, r: number): number {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) r = (r * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) r = (r * 100 + (c - 55)) % 97;
    else return -1;
  }
  return r;
}

/** The two check digits for a country code and a BBAN (upper-case letters and digits). */
export function ibanCheckDigits(countryCode: string, bban: string): string {
  let r = fold(bban, 0, bban.length, 0);
  if (r >= 0) r = fold(countryCode, 0, countryCode.length, r);
  if (r < 0 || countryCode.length !== 2) throw new RangeError('ibanCheckDigits expects upper-case letters and digits');
  r = (r * 100) % 97; // the "00" placeholder check digits
  const check = 98 - r;
  return check < 10 ? `0${check}` : String(check);
}

/** Valid ISO 13616 IBAN; spaces (print format) are tolerated, letters must be upper case. */
export function isValidIban(s: string): boolean {
  const iban = s.indexOf(' ') >= 0 ? s.replaceAll(' ', '') : s;
  const len = iban.length;
  if (len < 15 || len > 34) return false;
  const c0 = iban.charCodeAt(0);
  const c1 = iban.charCodeAt(1);
  if (c0 < 65 || c0 > 90 || c1 < 65 || c1 > 90) return false;
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined && len !== expected) return false;
  let r = fold(iban, 4, len, 0);
  if (r >= 0) r = fold(iban, 0, 4, r);
  return r === 1;
}
