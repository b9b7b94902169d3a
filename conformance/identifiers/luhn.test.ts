// Luhn, SIREN and SIRET checks, including La Poste's digit-sum exception.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { completeLuhn, luhnValid, isValidSiren, isValidSiret } from './index.js';

describe('luhnValid', () => {
  it('accepts known Luhn numbers', () => {
    expect(luhnValid('79927398713')).toBe(true); // textbook example
    expect(luhnValid('732829320')).toBe(true); // SIREN
    expect(luhnValid('0')).toBe(true);
  });
  it('rejects wrong checksums, empty input and non-digits', () => {
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('7992739871a')).toBe(false);
    expect(luhnValid('7992 7398 713')).toBe(false);
  });
});

describe('completeLuhn', () => {
  it('appends the check digit', () => {
    expect(completeLuhn('7992739871')).toBe('79927398713');
    expect(completeLuhn('7328293200007')).toBe('73282932000074');
  });
  it('always yields a Luhn-valid number, and exactly one digit does', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,20}$/), (partial) => {
        const full = completeLuhn(partial);
        expect(full.slice(0, -1)).toBe(partial);
        expect(luhnValid(full)).toBe(true);
        const others = '0123456789'.split('').filter((d) => d !== full.slice(-1));
        for (const d of others) expect(luhnValid(partial + d)).toBe(false);
      }),
    );
  });
  it('refuses non-digits', () => {
    expect(() => completeLuhn('12a')).toThrow(RangeError);
  });
});

describe('isValidSiren', () => {
  it('accepts 9 Luhn digits only', () => {
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiren('356000000')).toBe(true);
    expect(isValidSiren('732829321')).toBe(false);
    expect(isValidSiren('73282932')).toBe(false);
    expect(isValidSiren('7328293200')).toBe(false);
  });
});

describe('isValidSiret', () => {
  it('accepts normal Luhn SIRETs', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('35600000000048')).toBe(true); // La Poste head office, Luhn-valid anyway
  });
  it('accepts La Poste establishments by the digit-sum rule', () => {
    expect(isValidSiret('35600000009075')).toBe(true);
    expect(isValidSiret('35600000009093')).toBe(true);
    expect(luhnValid('35600000009075')).toBe(false); // the exception is what makes it pass
  });
  it('rejects bad checksums, lengths and characters', () => {
    expect(isValidSiret('73282932000075')).toBe(false);
    expect(isValidSiret('50000000000000')).toBe(false);
    expect(isValidSiret('35600000009090')).toBe(false); // La Poste, sum not a multiple of 5
    expect(isValidSiret('45600000009075')).toBe(false); // same digits outside La Poste
    expect(isValidSiret('7328293200007')).toBe(false);
    expect(isValidSiret('732829320000740')).toBe(false);
    expect(isValidSiret('732 829 320 00074')).toBe(false);
    expect(isValidSiret('7328293200007A')).toBe(false);
    expect(isValidSiret('')).toBe(false);
  });
});
