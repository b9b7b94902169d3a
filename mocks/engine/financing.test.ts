// The mock's échéancier (through conformance/financing): amounts add up to the financed total, per regime, and a rupture prorates it.
import { describe, expect, it } from 'vitest';
import { planApresRupture, planEcheances, totalPlan, type EcheancierInput } from './financing.js';

const current = (input: EcheancierInput) => planEcheances(input).map((e) => ({ ...e, montantRegle: 0, montantEnCoursInstruction: 0 }));

const base: EcheancierInput = {
  dateConclusion: '2026-01-10',
  dateDebutContrat: '2026-01-15',
  dateFinContrat: '2028-01-14',
  npecAnnuel: 7000,
  majorationRQTHAnnuelle: 0,
  iban: 'FR7630006000011234567890189',
  siret: '85300000800005',
};

describe('planEcheances', () => {
  it('splits each full year 40/30/20/10 from July 2025, opening at months 1, 7, 10 and the year end', () => {
    const plan = planEcheances(base);
    expect(plan.map((e) => e.montantTotal)).toEqual([2800, 2100, 1400, 700, 2800, 2100, 1400, 700]);
    expect(plan.slice(0, 4).map((e) => e.dateOuverture)).toEqual(['2026-01-15', '2026-07-15', '2026-10-15', '2027-01-14']);
    expect(plan.map((e) => e.codification)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8']);
    expect(totalPlan(plan)).toBe(14000);
  });

  it('splits 40/30/30 before July 2025', () => {
    const plan = planEcheances({ ...base, dateConclusion: '2024-09-01', dateDebutContrat: '2024-09-02', dateFinContrat: '2025-09-01' });
    expect(plan.map((e) => e.montantTotal)).toEqual([2800, 2100, 2100]);
  });

  it('adds the RQTH majoration and separates it from the pedagogical amount', () => {
    const plan = planEcheances({ ...base, majorationRQTHAnnuelle: 4000 });
    expect(totalPlan(plan)).toBe(22000);
    const first = plan[0]!;
    expect(first.montantTotal).toBe(4400);
    expect(first.montantMajorationRQTH).toBe(1600);
    expect(first.montantPedagogique).toBe(2800);
  });

  it('prorates a contract shorter than a year by days, its last échéance opening at the end', () => {
    const plan = planEcheances({ ...base, dateFinContrat: '2026-07-14' });
    expect(totalPlan(plan)).toBe(Math.round(((7000 * 181) / 365) * 100) / 100);
    expect(plan.at(-1)!.dateOuverture).toBe('2026-07-14');
    expect(plan.every((e) => e.dateOuverture <= '2026-07-14')).toBe(true);
  });

  it('prorates the last partial year by days', () => {
    const plan = planEcheances({ ...base, dateFinContrat: '2027-01-17' });
    expect(totalPlan(plan)).toBe(Math.round((7000 + (7000 * 3) / 365) * 100) / 100);
  });
});

describe('planApresRupture', () => {
  it('finances the contract up to the rupture only', () => {
    const plan = planApresRupture(base, '2026-10-14', current(base));
    expect(totalPlan(plan)).toBeLessThan(7000);
    expect(totalPlan(plan)).toBe(Math.round(((7000 * 273) / 365) * 100) / 100);
    expect(plan.every((e) => e.dateOuverture <= '2026-10-14')).toBe(true);
  });

  it('keeps the plan when the rupture date is after the end', () => {
    expect(totalPlan(planApresRupture(base, '2029-01-01', current(base)))).toBe(14000);
  });

  it('keeps an échéance already invoiced after the rupture, at 0 €, so the overpayment shows', () => {
    const paid = current(base).map((e) => (e.numero === 5 ? { ...e, montantEnCoursInstruction: e.montantTotal } : e));
    const plan = planApresRupture(base, '2026-10-14', paid);
    expect(plan.find((e) => e.numero === 5)?.montantTotal).toBe(0);
  });
});
