// UAI check letters and IBAN check digits.
import { describe, it, expect } from 'vitest';
import { ibanCheckDigits, isValidIban, isValidUai, uaiLetter } from './index.js';

describe('uaiLetter / isValidUai', () => {
  it('indexes the 23-letter alphabet by number mod 23', () => {
    expect(uaiLetter('0751234')).toBe('J'); // 751234 mod 23 = 8 → 9th letter, J
    expect(uaiLetter('1234567')).toBe('W'); // mod 23 = 19
    expect(uaiLetter('6931234')).toBe('A'); // mod 23 = 0
  });
  it('never yields I, O or Q', () => {
    for (let n = 0; n < 23; n++) expect('IOQ').not.toContain(uaiLetter(String(n).padStart(7, '0')));
  });
  it('accepts the right letter in either case', () => {
    expect(isValidUai('0751234J')).toBe(true);
    expect(isValidUai('0751234j')).toBe(true);
  });
  it('rejects wrong letters and formats', () => {
    expect(isValidUai('0751234K')).toBe(false);
    expect(isValidUai('075123J')).toBe(false);
    expect(isValidUai('07512345')).toBe(false);
    expect(isValidUai('A751234J')).toBe(false);
    expect(() => uaiLetter('075123')).toThrow(RangeError);
  });
});

describe('ibanCheckDigits / isValidIban', () => {
  it('computes the check digits of known IBANs', () => {
    expect(ibanCheckDigits('FR', '30006000011234567890189')).toBe('76');
    expect(ibanCheckDigits('DE', '370400440532013000')).toBe('89');
    expect(ibanCheckDigits('GB', 'WEST12345698765432')).toBe('82');
  });
  it('accepts valid IBANs, spaces tolerated', () => {
    expect(isValidIban('FR7630006000011234567890189')).toBe(true);
    expect(isValidIban('FR76 3000 6000 0112 3456 7890 189')).toBe(true);
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
  });
  it('rejects bad checksums, lengths and characters', () => {
    expect(isValidIban('FR7630006000011234567890188')).toBe(false);
    expect(isValidIban('FR7730006000011234567890189')).toBe(false);
    expect(isValidIban('FR763000600001123456789018')).toBe(false); // 26 chars for FR
    expect(isValidIban('fr7630006000011234567890189')).toBe(false);
    expect(isValidIban('FR76-3000-6000-0112-3456-7890-189')).toBe(false);
    expect(isValidIban('')).toBe(false);
  });
});
