// The mock's échéancier (through conformance/financing): amounts per regime, the NPEC at conclusion, the employer participation, and a rupture's prorata.
import { describe, expect, it } from 'vitest';
import { npecALaConclusion, planApresRupture, planEcheances, totalPlan, type EcheancierInput } from './financing.js';
import { bundledReferentiel } from './referentiel.js';

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

describe('employer participation (issue 14)', () => {
  const master: EcheancierInput = { ...base, dateConclusion: '2025-08-20', dateDebutContrat: '2025-09-01', dateFinContrat: '2026-08-31', npecAnnuel: 6000, niveauCertification: 7 };

  it('deducts 750 € from the first échéance of a level ≥ 6 contract concluded from 2025-07-01', () => {
    const plan = planEcheances(master);
    expect(totalPlan(plan)).toBe(5250);
    expect(plan[0]!.montantTotal).toBe(1650);
    expect(totalPlan(planEcheances({ ...master, niveauCertification: 5 }))).toBe(6000);
    expect(totalPlan(planEcheances({ ...master, dateConclusion: '2025-06-30' }))).toBe(6000);
    expect(planEcheances({ ...master, nouveauContratApresRupture: true })[0]!.montantTotal).toBe(2200);
  });

  it('recomputes it for a rupture in the 45-day probatory period', () => {
    const avant = planEcheances(master).map((e) => ({ ...e, montantRegle: 0, montantEnCoursInstruction: 0 }));
    expect(totalPlan(planApresRupture(master, '2025-09-30', avant))).toBe(246.57);
  });

  it('lets a broken variant replace the amount deducted', () => {
    const comportement = { minorationDistanciel: true, participation: (norme: number, moment: string, forfait: number) => (moment === 'engagement' ? 0 : forfait) };
    expect(totalPlan(planEcheances({ ...master, comportement }))).toBe(6000);
    const avant = planEcheances(master).map((e) => ({ ...e, montantRegle: 0, montantEnCoursInstruction: 0 }));
    expect(totalPlan(planApresRupture({ ...master, comportement }, '2025-09-30', avant))).toBe(0);
  });

  it('lowers the NPEC by 20 % at ≥ 80 % distance unless a variant keeps it', () => {
    const distance = { ...master, niveauCertification: 5, heuresDistanciel: 1080, heuresFormation: 1350 };
    expect(totalPlan(planEcheances(distance))).toBe(4800);
    expect(totalPlan(planEcheances({ ...distance, comportement: { minorationDistanciel: false, participation: (n: number) => n } }))).toBe(6000);
  });

  it('adds 10 % to a reduced-duration contract, capped at the NPEC', () => {
    const court = { ...base, dateConclusion: '2023-08-20', dateDebutContrat: '2023-09-01', dateFinContrat: '2024-05-31', npecAnnuel: 7000 };
    expect(totalPlan(planEcheances(court))).toBe(5250);
    expect(totalPlan(planEcheances({ ...court, dureeReduite: true }))).toBe(5775);
  });
});

describe('npecALaConclusion', () => {
  const ref = {
    ...bundledReferentiel(),
    npec: [
      { rncp: 'RNCP1', codeDiplome: '32031211', intitule: 'A', montant: 7500, dateDebut: '2020-01-01', dureeMois: 24 },
      { rncp: 'RNCP1', codeDiplome: '32031211', intitule: 'A', montant: 7000, dateDebut: '2023-09-08', dureeMois: 24 },
      { rncp: 'RNCP2', codeDiplome: '50022141', intitule: 'B', montant: 8500 },
      { rncp: 'RNCP3', codeDiplome: '40025214', intitule: 'C', montant: 8000, dateDebut: '2024-01-01' },
    ],
  };

  it('takes the NPEC in force at the date of conclusion', () => {
    expect(npecALaConclusion(ref, { rncp: 'RNCP1', codeDiplome: '' }, '2023-09-07', 5)).toEqual({ montant: 7500, source: 'RNCP1', dureeMois: 24 });
    expect(npecALaConclusion(ref, { rncp: 'rncp1', codeDiplome: '' }, '2023-09-08', 5).montant).toBe(7000);
    expect(npecALaConclusion(ref, { rncp: 'RNCP2', codeDiplome: '' }, '2019-01-01', 3)).toEqual({ montant: 8500, source: 'RNCP2' });
    expect(npecALaConclusion(ref, { rncp: 'RNCP9', codeDiplome: '50022141' }, '2025-01-01', 3)).toEqual({ montant: 8500, source: '50022141' });
  });

  it("else the valeur d'amorçage of the level in force at that date, and the référentiel's own when the level is unknown", () => {
    // RNCP3 has an NPEC only from 2024: a contract concluded before it gets the valeur d'amorçage of its level.
    expect(npecALaConclusion(ref, { rncp: 'RNCP3', codeDiplome: '' }, '2023-12-31', 4)).toEqual({ montant: 5621, source: 'valeur-amorcage' });
    expect(npecALaConclusion(ref, { rncp: 'RNCP99950', codeDiplome: '' }, '2022-08-31', 5).montant).toBe(7600);
    expect(npecALaConclusion(ref, { rncp: 'RNCP99950', codeDiplome: '' }, '2022-09-01', 5).montant).toBe(6000);
    expect(npecALaConclusion(ref, { rncp: 'RNCP99950', codeDiplome: '' }, '2025-09-01', 7).montant).toBe(7000);
    expect(npecALaConclusion(ref, { rncp: 'RNCP99950', codeDiplome: '' }, '2025-09-01', undefined).montant).toBe(ref.valeurAmorcage);
  });

  it('the bundled sample gives RNCP35185 its dated history', () => {
    const bundled = bundledReferentiel();
    expect(['2021-06-01', '2022-09-01', '2023-09-08', '2026-01-10'].map((d) => npecALaConclusion(bundled, { rncp: 'RNCP35185', codeDiplome: '32031211' }, d, 5).montant)).toEqual([7500, 7300, 7000, 7000]);
  });
});
