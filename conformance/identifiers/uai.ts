// UAI (code of a school or CFA, ex-RNE): 7 digits and a check letter from a 23-letter alphabet (norme.md §3.4).

/** A–Z without I, O and Q, so the letter can't be mistaken for a digit. */
const UAI_ALPHABET = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** The check letter of the 7-digit part of a UAI: alphabet[number mod 23]. Throws when given anything but 7 digits. */
export function uaiLetter(sevenDigits: string): string {
  if (sevenDigits.length !== 7) throw new RangeError('uaiLetter expects 7 digits');
  let r = 0;
  for (let i = 0; i < 7; i++) {
    const d = sevenDigits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw new RangeError('uaiLetter expects 7 digits');
    r = (r * 10 + d) % 23;
  }
  return UAI_ALPHABET.charAt(r);
}

/** 7 digits + the right check letter; the letter may be lower case (the CERFA form's regex allows it). */
export function isValidUai(s: string): boolean {
  if (s.length !== 8) return false;
  for (let i = 0; i < 7; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const letter = s.charCodeAt(7);
  const upper = letter >= 97 && letter <= 122 ? letter - 32 : letter;
  return uaiLetter(s.slice(0, 7)).charCodeAt(0) === upper;
}
