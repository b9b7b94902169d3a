// Tests of the legal minimum rates: the 2019 grid by age and contract year, year 4, and the former grid.
import { describe, it, expect } from 'vitest';
import { grilleApplicable, tauxMinimal, trancheAge } from './taux.js';

describe('tauxMinimal (contracts concluded from 2019-01-01)', () => {
  const conclusion = '2025-08-20';
  it.each([
    [16, 1, 27], [17, 1, 27], [18, 1, 43], [20, 1, 43], [21, 1, 53], [25, 1, 53], [26, 1, 100], [45, 1, 100],
    [17, 2, 39], [18, 2, 51], [21, 2, 61], [26, 2, 100],
    [17, 3, 55], [18, 3, 67], [21, 3, 78], [26, 3, 100],
  ])('age %i, year %i → %i %%', (age, annee, expected) => {
    expect(tauxMinimal(age, annee, conclusion)).toBe(expected);
  });

  it('keeps the third year rates for the fourth year and later', () => {
    for (const age of [17, 19, 23, 30]) {
      expect(tauxMinimal(age, 4, conclusion)).toBe(tauxMinimal(age, 3, conclusion));
      expect(tauxMinimal(age, 5, conclusion)).toBe(tauxMinimal(age, 3, conclusion));
    }
  });

  it('refuses a contract year below 1', () => {
    expect(() => tauxMinimal(20, 0, conclusion)).toThrow(RangeError);
  });
});

describe('tauxMinimal (contracts concluded before 2019-01-01)', () => {
  it.each([
    [17, 1, 25], [19, 1, 41], [22, 1, 53], [30, 1, 53],
    [17, 2, 37], [19, 2, 49], [22, 2, 61],
    [17, 3, 53], [19, 3, 65], [22, 3, 78],
  ])('age %i, year %i → %i %%', (age, annee, expected) => {
    expect(tauxMinimal(age, annee, '2018-12-31')).toBe(expected);
  });

  it('switches grid on the conclusion date, not on the start date', () => {
    expect(grilleApplicable('2018-12-31')).toBe('avant-2019');
    expect(grilleApplicable('2019-01-01')).toBe('depuis-2019');
    expect(trancheAge(30, 'avant-2019')).toBe(2);
    expect(trancheAge(30, 'depuis-2019')).toBe(3);
  });
});
