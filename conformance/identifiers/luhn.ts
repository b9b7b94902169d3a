// Luhn (mod 10) checksum used by SIREN and SIRET; written as plain loops because rules run it on every payload.

const ZERO = 48;

/** True when `digits` is a non-empty string of ASCII digits whose Luhn sum is a multiple of 10. */
export function luhnValid(digits: string): boolean {
  const n = digits.length;
  if (n === 0) return false;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let d = digits.charCodeAt(n - 1 - i) - ZERO;
    if (d < 0 || d > 9) return false;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Appends the one digit that makes `partial` Luhn-valid (used by generators to build valid SIREN/SIRET). */
export function completeLuhn(partial: string): string {
  const n = partial.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let d = partial.charCodeAt(n - 1 - i) - ZERO;
    if (d < 0 || d > 9) throw new RangeError('completeLuhn expects digits only');
    // Once the check digit is appended, the last digit of `partial` sits at an even position from the right.
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return partial + String((10 - (sum % 10)) % 10);
}

/** Sum of the digits of an all-digit string, -1 when another character is present. */
export function digitSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    sum += d;
  }
  return sum;
}
