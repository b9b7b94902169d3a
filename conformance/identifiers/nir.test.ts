// NIR parsing, key computation (Corsica included) and validation.
import { describe, it, expect } from 'vitest';
import { isValidNir, isWellFormedNir, nirKey, nirKeyMatches, parseNir } from './index.js';

describe('nirKey', () => {
  it('computes 97 − (n mod 97) on two digits', () => {
    // 1010101001001 mod 97 = 44 → 53 (checked by hand: 97 − 44).
    expect(nirKey('1010101001001')).toBe('53');
    expect(nirKey('2850575120123')).toBe('58');
    expect(nirKey('2850597101234')).toBe('20');
  });
  it('pads keys under 10', () => {
    // 1010101001045 mod 97 = 88 → key 09.
    expect(nirKey('1010101001045')).toBe('09');
  });
  it('reads 2A as 19 and 2B as 18 for Corsica', () => {
    expect(nirKey('185052A004012')).toBe(nirKey('1850519004012'));
    expect(nirKey('185052A004012')).toBe('70');
    expect(nirKey('185052B004012')).toBe('97');
  });
  it('throws on malformed input', () => {
    expect(() => nirKey('101010100100')).toThrow(RangeError);
    expect(() => nirKey('10101010010X1')).toThrow(RangeError);
    expect(() => nirKey('1850520A04012')).toThrow(RangeError);
  });
});

describe('parseNir', () => {
  it('splits a metropolitan NIR', () => {
    expect(parseNir('101010100100153')).toEqual({
      sexe: 1, annee: '01', mois: '01', departement: '01', commune: '001', ordre: '001', cle: '53',
    });
  });
  it('keeps no key for 13 characters', () => {
    expect(parseNir('2850575120123')).toEqual({
      sexe: 2, annee: '85', mois: '05', departement: '75', commune: '120', ordre: '123',
    });
  });
  it('reads 3-digit overseas départements and Corsica', () => {
    expect(parseNir('285059710123420')).toMatchObject({ departement: '971', commune: '01', ordre: '234' });
    expect(parseNir('185052A00401270')).toMatchObject({ departement: '2A', commune: '004' });
    expect(parseNir('1850599350123')).toMatchObject({ departement: '99', commune: '350' });
  });
  it('rejects wrong lengths, sexes, months and characters', () => {
    expect(parseNir('10101010010015')).toBeNull();
    expect(parseNir('3010101001001')).toBeNull(); // N3: must start with 1 or 2
    expect(parseNir('1011301001001')).toBeNull(); // month 13
    expect(parseNir('1010001001001')).toBeNull(); // month 00
    expect(parseNir('10101010010AB')).toBeNull();
    expect(parseNir('1010120C01001')).toBeNull();
    expect(parseNir('1 01 01 01 001 001')).toBeNull();
  });
  it('accepts INSEE placeholder months', () => {
    expect(parseNir('1013099001001')?.mois).toBe('30');
  });
});

describe('isValidNir', () => {
  it('accepts 13 characters without key and 15 with the right key', () => {
    expect(isValidNir('1010101001001')).toBe(true);
    expect(isValidNir('101010100100153')).toBe(true);
    expect(isValidNir('185052A00401270')).toBe(true);
    expect(isValidNir('185052B00401297')).toBe(true);
  });
  it('rejects a wrong key', () => {
    expect(isValidNir('101010100100154')).toBe(false);
    expect(isValidNir('185052A00401297')).toBe(false);
    expect(nirKeyMatches('101010100100154')).toBe(false);
    expect(nirKeyMatches('1010101001001')).toBe(false);
    expect(nirKeyMatches('101010100100153')).toBe(true);
  });
  it('separates format from key', () => {
    expect(isWellFormedNir('101010100100154')).toBe(true); // wrong key, right format
    expect(isWellFormedNir('185052A00401270')).toBe(true);
    expect(isWellFormedNir('185052C00401270')).toBe(false);
    expect(nirKeyMatches('185052A00401270')).toBe(true);
    expect(nirKeyMatches('10101010010015X')).toBe(false);
  });
  it('rejects malformed values', () => {
    expect(isValidNir('')).toBe(false);
    expect(isValidNir('401010100100153')).toBe(false);
    expect(isValidNir('10101010010015')).toBe(false);
  });
});
