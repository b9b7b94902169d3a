// Tests of the integer calendar: parsing, month arithmetic with clamping, ages and whole months.
import { describe, it, expect } from 'vitest';
import {
  addDays,
  addMonths,
  ageAt,
  birthdayAt,
  daysBetween,
  firstOfNextMonth,
  formatIsoDate,
  fromSerial,
  parseIsoDate,
  toSerial,
  wholeMonthsBetween,
} from './calendar.js';

describe('parseIsoDate', () => {
  it('reads YYYY-MM-DD and the timestamp forms OPCOs answer with', () => {
    expect(parseIsoDate('2025-09-01')).toBe(20250901);
    expect(parseIsoDate('2025-09-01T00:00:00Z')).toBe(20250901);
    expect(parseIsoDate('2025-09-01T00:00:00+0000')).toBe(20250901);
  });

  it('rejects impossible or malformed dates', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-00-10', '01/09/2025', '2025-9-1', '', '2025-09-01X', 20250901]) {
      expect(parseIsoDate(bad)).toBeUndefined();
    }
    expect(parseIsoDate('2024-02-29')).toBe(20240229);
  });
});

describe('day arithmetic', () => {
  it('round-trips serial days across centuries', () => {
    for (const d of [19000301, 19700101, 20000229, 20241231, 20991231]) {
      expect(fromSerial(toSerial(d))).toBe(d);
    }
    expect(toSerial(19700101)).toBe(0);
    expect(daysBetween(20250101, 20260101)).toBe(365);
    expect(addDays(20241231, 1)).toBe(20250101);
    expect(addDays(20240301, -1)).toBe(20240229);
    expect(formatIsoDate(20250105)).toBe('2025-01-05');
  });

  it('clamps month arithmetic to the end of the month', () => {
    expect(addMonths(20250131, 1)).toBe(20250228);
    expect(addMonths(20240131, 1)).toBe(20240229);
    expect(addMonths(20250301, -3)).toBe(20241201);
    expect(addMonths(20251130, 3)).toBe(20260228);
  });
});

describe('ages', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageAt(20090901, 20250901)).toBe(16);
    expect(ageAt(20090902, 20250901)).toBe(15);
    expect(ageAt(19950902, 20250901)).toBe(29);
    expect(ageAt(19950901, 20250901)).toBe(30);
  });

  it('makes 29 February births a year older on 1 March of common years', () => {
    expect(ageAt(20040229, 20250228)).toBe(20);
    expect(ageAt(20040229, 20250301)).toBe(21);
    expect(birthdayAt(20040229, 21)).toBe(20250301);
    expect(birthdayAt(20040229, 20)).toBe(20240229);
  });

  it('moves to the first day of the next month', () => {
    expect(firstOfNextMonth(20250315)).toBe(20250401);
    expect(firstOfNextMonth(20251201)).toBe(20260101);
  });
});

describe('wholeMonthsBetween', () => {
  it('counts a month only once it is complete', () => {
    expect(wholeMonthsBetween(20250908, 20260307)).toBe(5);
    expect(wholeMonthsBetween(20250908, 20260308)).toBe(6);
    expect(wholeMonthsBetween(20250131, 20250228)).toBe(1);
    expect(wholeMonthsBetween(20250901, 20250901)).toBe(0);
    expect(wholeMonthsBetween(20260308, 20250908)).toBe(-6);
  });
});
