// Tests of the dated SMIC table: the amount in force on a date, Mayotte, and what happens outside the table.
import { describe, it, expect } from 'vitest';
import { parseSmicTable, smicEnVigueur, smicTable } from './smic.js';

describe('smicEnVigueur', () => {
  const table = smicTable();

  it('answers the amount in force on the date, from its date d’effet', () => {
    expect(smicEnVigueur(table, '2024-10-31')?.mensuel).toBe(1766.92);
    expect(smicEnVigueur(table, '2024-11-01')?.mensuel).toBe(1801.8);
    expect(smicEnVigueur(table, '2025-09-01')?.mensuel).toBe(1801.8);
    expect(smicEnVigueur(table, '2021-09-30')?.horaire).toBe(10.25);
    expect(smicEnVigueur(table, '2021-10-01')?.horaire).toBe(10.48);
    expect(smicEnVigueur(table, '2026-01-01')?.mensuel).toBe(1823.03);
  });

  it('uses the last entry after the end of the table and nothing before its start', () => {
    expect(smicEnVigueur(table, '2031-06-01')?.dateEffet).toBe(table.national[table.national.length - 1]?.dateEffet);
    expect(smicEnVigueur(table, '2017-12-31')).toBeUndefined();
    expect(smicEnVigueur(table, 'pas une date')).toBeUndefined();
  });

  it('uses the Mayotte table for département 976 only', () => {
    expect(smicEnVigueur(table, '2025-03-01', '976')?.mensuel).toBe(1361.97);
    expect(smicEnVigueur(table, '2025-03-01', '974')?.mensuel).toBe(1801.8);
  });

  it('keeps monthly amounts consistent with hourly × 35 × 52 / 12', () => {
    for (const entry of table.national) {
      expect(Math.abs((entry.horaire * 35 * 52) / 12 - entry.mensuel)).toBeLessThan(0.01);
    }
    // The 2021 Mayotte amounts of the source differ by up to 0,63 € from the hourly figure; kept as published.
    for (const entry of table.mayotte) {
      expect(Math.abs((entry.horaire * 35 * 52) / 12 - entry.mensuel)).toBeLessThan(1);
    }
  });

  it('parses an overriding table and rejects a malformed one', () => {
    const custom = parseSmicTable("national:\n  - { dateEffet: '2030-01-01', mensuel: 2000, horaire: 13.19 }\n");
    expect(smicEnVigueur(custom, '2030-05-01')?.mensuel).toBe(2000);
    expect(custom.mayotte).toEqual([]);
    expect(() => parseSmicTable('national:\n  - { dateEffet: 2030, mensuel: 2000 }\n')).toThrow(/national\[0\]/);
  });
});
