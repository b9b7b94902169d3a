// The échéancier: regime splits, openings, RQTH and participation, rupture recomputation, and sums exact to the cent.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  computeEcheancier,
  FinancementError,
  prorataRupture,
  regimeEcheancier,
  toCents,
  totalEcheancier,
  type EcheancierInput,
} from './index.js';
import { addDays, addMonths, formatIsoDate, parseIsoDate } from '../remuneration/calendar.js';

const contrat = (over: Partial<EcheancierInput>): EcheancierInput => ({
  dateConclusion: '2025-08-20',
  dateDebutContrat: '2025-09-01',
  dateFinContrat: '2027-08-31',
  npecAnnuel: 8000,
  iban: 'FR7630006000011234567890189',
  siret: '79812345100022',
  ...over,
});

const cents = (n: number) => toCents(n);

describe('regimeEcheancier', () => {
  it('versions the schedule by date of conclusion', () => {
    expect(regimeEcheancier('2019-12-31')).toBeUndefined();
    expect(regimeEcheancier('2020-01-01')?.repartition).toEqual([50, 25, 25]);
    expect(regimeEcheancier('2020-12-31')?.repartition).toEqual([50, 25, 25]);
    expect(regimeEcheancier('2021-01-01')?.repartition).toEqual([40, 30, 30]);
    expect(regimeEcheancier('2021-01-01')?.incertain).toBe(true);
    expect(regimeEcheancier('2025-06-30')?.prorata).toBe('mensuel');
    expect(regimeEcheancier('2025-07-01')).toMatchObject({ repartition: [40, 30, 20, 10], prorata: 'journalier' });
  });

  it('refuses a contract concluded before 2020-01-01', () => {
    expect(() => computeEcheancier(contrat({ dateConclusion: '2019-06-01' }))).toThrow(FinancementError);
  });
});

describe('computeEcheancier splits', () => {
  it('50/25/25 for a two-year contract concluded in 2020, openings at start, +6 and +9 months', () => {
    const e = computeEcheancier(contrat({ dateConclusion: '2020-08-01', dateDebutContrat: '2020-09-01', dateFinContrat: '2022-08-31', npecAnnuel: 7000 }));
    expect(e.map((x) => [x.codification, x.montantTotal, x.dateOuverture, x.dateDebut, x.dateFin])).toEqual([
      ['E1', 3500, '2020-09-01', '2020-09-01', '2021-08-31'],
      ['E2', 1750, '2021-03-01', '2020-09-01', '2021-08-31'],
      ['E3', 1750, '2021-06-01', '2020-09-01', '2021-08-31'],
      ['E4', 3500, '2021-09-01', '2021-09-01', '2022-08-31'],
      ['E5', 1750, '2022-03-01', '2021-09-01', '2022-08-31'],
      ['E6', 1750, '2022-06-01', '2021-09-01', '2022-08-31'],
    ]);
  });

  it('40/30/30 for a contract concluded in 2023', () => {
    const e = computeEcheancier(contrat({ dateConclusion: '2023-08-01', dateDebutContrat: '2023-09-01', dateFinContrat: '2024-08-31', npecAnnuel: 7000 }));
    expect(e.map((x) => x.montantTotal)).toEqual([2800, 2100, 2100]);
  });

  it('40/30/20/10 from 2025-07-01, the 10 % balance opening on the last day of the contract year', () => {
    const e = computeEcheancier(contrat({}));
    expect(e.map((x) => [x.numero, x.montantTotal, x.dateOuverture])).toEqual([
      [1, 3200, '2025-09-01'],
      [2, 2400, '2026-03-01'],
      [3, 1600, '2026-06-01'],
      [4, 800, '2026-08-31'],
      [5, 3200, '2026-09-01'],
      [6, 2400, '2027-03-01'],
      [7, 1600, '2027-06-01'],
      [8, 800, '2027-08-31'],
    ]);
    expect(e.every((x) => x.montantRegle === 0 && x.montantEnCoursInstruction === 0)).toBe(true);
    expect(e.every((x) => x.iban === 'FR7630006000011234567890189' && x.siret === '79812345100022')).toBe(true);
  });

  it('puts the rounding remainder on the last échéance of the year', () => {
    const e = computeEcheancier(contrat({ dateFinContrat: '2026-08-31', npecAnnuel: 8000.03 }));
    // 40 % = 3 200,012 → 3 200,01; 30 % = 2 400,009 → 2 400,01; 20 % = 1 600,006 → 1 600,01; rest 800,00.
    expect(e.map((x) => x.montantTotal)).toEqual([3200.01, 2400.01, 1600.01, 800]);
    expect(totalEcheancier(e)).toBe(8000.03);
  });

  it('a short contract from 2025-07-01 keeps 40/30/20/10 on the prorated amount, openings capped at its end', () => {
    const e = computeEcheancier(contrat({ dateDebutContrat: '2025-09-01', dateFinContrat: '2026-01-31' }));
    // 153 days of a 365-day contract year.
    expect(totalEcheancier(e)).toBe(3353.42);
    expect(e.map((x) => x.dateOuverture)).toEqual(['2025-09-01', '2026-01-31', '2026-01-31', '2026-01-31']);
  });

  it('schedules the RQTH majoration apart, capped at 4 000 € a year', () => {
    const e = computeEcheancier(contrat({ dateFinContrat: '2026-08-31', majorationRQTHAnnuelle: 5000 }));
    expect(e.map((x) => x.montantMajorationRQTH)).toEqual([1600, 1200, 800, 400]);
    expect(e.map((x) => x.montantPedagogique)).toEqual([3200, 2400, 1600, 800]);
    expect(e.map((x) => x.montantTotal)).toEqual([4800, 3600, 2400, 1200]);
  });

  it('deducts the employer participation from the first payment only', () => {
    const e = computeEcheancier(contrat({ dateFinContrat: '2026-08-31', participationEmployeur: 750 }));
    expect(e.map((x) => x.montantTotal)).toEqual([2450, 2400, 1600, 800]);
  });

  it('rejects unreadable dates and an end before the start', () => {
    expect(() => computeEcheancier(contrat({ dateDebutContrat: '2025-02-30' }))).toThrow(/dateDebutContrat/);
    expect(() => computeEcheancier(contrat({ dateFinContrat: '2025-08-31' }))).toThrow(FinancementError);
  });
});

describe('prorataRupture', () => {
  it('daily prorata from 2025-07-01: 100 days → 8 000 × 100 / 365 = 2 191,78 €, later échéances dropped', () => {
    const input = contrat({});
    const apres = prorataRupture(computeEcheancier(input), '2025-12-09', input);
    expect(apres.map((x) => [x.numero, x.montantTotal, x.dateOuverture, x.dateFin])).toEqual([[1, 2191.78, '2025-09-01', '2025-12-09']]);
  });

  it('keeps earlier years and payments untouched; a rupture after the end changes nothing', () => {
    const input = contrat({});
    const e = computeEcheancier(input).map((x) => (x.numero === 1 ? { ...x, montantRegle: 3200 } : x));
    const apres = prorataRupture(e, '2026-10-31', input);
    expect(apres.slice(0, 4)).toEqual(e.slice(0, 4));
    // 61 days of the second year.
    expect(totalEcheancier(apres.slice(4))).toBe(1336.99);
    expect(prorataRupture(e, '2027-08-31', input)).toEqual(e);
  });

  it('an échéance paid but no longer due stays at 0 so the overpayment shows', () => {
    const input = contrat({});
    const e = computeEcheancier(input).map((x) => (x.numero <= 2 ? { ...x, montantRegle: x.montantTotal } : x));
    const apres = prorataRupture(e, '2025-09-10', input);
    expect(apres.map((x) => [x.numero, x.montantTotal, x.montantRegle])).toEqual([
      [1, 219.18, 3200],
      [2, 0, 2400],
    ]);
  });

  it('a rupture in the probatory period deducts the recomputed participation from what is due', () => {
    const input = contrat({ participationEmployeur: 750 });
    const apres = prorataRupture(computeEcheancier(input), '2025-09-20', { ...input, participationEmployeur: 219.18 });
    // 20 days: 438,36 € due, half paid by the employer.
    expect(totalEcheancier(apres)).toBe(219.18);
  });
});

const isoArb = (from: string, days: number) =>
  fc.integer({ min: 0, max: days }).map((n) => formatIsoDate(addDays(parseIsoDate(from) ?? 0, n)));

describe('properties', () => {
  const input = fc.record({
    dateConclusion: isoArb('2020-01-01', 365 * 8),
    duree: fc.integer({ min: 0, max: 365 * 4 }),
    npec: fc.integer({ min: 0, max: 3_000_000 }),
    rqth: fc.integer({ min: 0, max: 400_000 }),
    decalage: fc.integer({ min: 0, max: 90 }),
  });

  it('the échéances always sum to the yearly amounts, and none is negative', () => {
    fc.assert(
      fc.property(input, ({ dateConclusion, duree, npec, rqth, decalage }) => {
        const debut = addDays(parseIsoDate(dateConclusion) ?? 0, decalage);
        const c = contrat({
          dateConclusion,
          dateDebutContrat: formatIsoDate(debut),
          dateFinContrat: formatIsoDate(addDays(debut, duree)),
          npecAnnuel: npec / 100,
          majorationRQTHAnnuelle: rqth / 100,
        });
        const e = computeEcheancier(c);
        const parAnnee = new Map<string, number>();
        for (const x of e) {
          expect(x.montantTotal).toBeGreaterThanOrEqual(0);
          expect(cents(x.montantPedagogique) + cents(x.montantMajorationRQTH)).toBe(cents(x.montantTotal));
          parAnnee.set(x.dateDebut ?? '', (parAnnee.get(x.dateDebut ?? '') ?? 0) + cents(x.montantTotal));
        }
        expect([...parAnnee.values()].reduce((a, b) => a + b, 0)).toBe(cents(totalEcheancier(e)));
        // Full contract years are exactly the annual amount.
        for (const [debutAnnee, total] of parAnnee) {
          const fin = e.find((x) => x.dateDebut === debutAnnee)?.dateFin ?? '';
          const plein = formatIsoDate(addDays(addMonths(parseIsoDate(debutAnnee) ?? 0, 12), -1)) === fin;
          if (plein) expect(total).toBe(npec + rqth);
        }
        expect(e.map((x) => x.numero)).toEqual(e.map((_, i) => i + 1));
      }),
      { numRuns: 200 },
    );
  });

  it('after a rupture the total never grows and equals the prorated amount of the shortened contract', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 365 * 4 }), ({ dateConclusion, duree, npec, decalage }, apres) => {
        const debut = addDays(parseIsoDate(dateConclusion) ?? 0, decalage);
        const c = contrat({
          dateConclusion,
          dateDebutContrat: formatIsoDate(debut),
          dateFinContrat: formatIsoDate(addDays(debut, duree)),
          npecAnnuel: npec / 100,
        });
        const e = computeEcheancier(c);
        const rupture = formatIsoDate(addDays(debut, Math.min(apres, duree)));
        const r = prorataRupture(e, rupture, c);
        expect(cents(totalEcheancier(r))).toBeLessThanOrEqual(cents(totalEcheancier(e)));
        expect(r.every((x) => x.montantTotal >= 0 && x.dateOuverture <= rupture)).toBe(true);
        // Same yearly prorata as a contract that ended on the rupture date, when both use the same year split.
        const court = computeEcheancier({ ...c, dateFinContrat: rupture });
        expect(totalEcheancier(r)).toBe(totalEcheancier(court));
      }),
      { numRuns: 200 },
    );
  });
});
