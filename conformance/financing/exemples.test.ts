// The worked examples of the research notes (norme.md §2.2–2.4), reproduced to the cent.
import { describe, it, expect } from 'vitest';
import {
  atteintSeuilDistanciel,
  computeEcheancier,
  majorationDureeReduite,
  prorataRupture,
  totalEcheancier,
  type EcheancierInput,
} from './index.js';

const contrat = (over: Partial<EcheancierInput>): EcheancierInput => ({
  dateConclusion: '2025-08-20',
  dateDebutContrat: '2025-09-01',
  dateFinContrat: '2026-08-31',
  npecAnnuel: 8000,
  iban: 'FR7630006000011234567890189',
  siret: '79812345100022',
  ...over,
});

describe('worked examples, daily prorata (contracts concluded from 2025-07-01)', () => {
  it('29/08/2025 – 02/09/2026 at 8 000 €/year: 370 days → 8 109,59 €', () => {
    const e = computeEcheancier(contrat({ dateDebutContrat: '2025-08-29', dateFinContrat: '2026-09-02' }));
    expect(totalEcheancier(e)).toBe(8109.59);
    // The 5 days of the second year (109,59 €) are split 40/30/20/10 with the remainder on the last.
    expect(e.slice(4).map((x) => x.montantTotal)).toEqual([43.84, 32.88, 21.92, 10.95]);
  });

  it('a full leap contract year (366 days) is exactly the annual amount', () => {
    const e = computeEcheancier(contrat({ dateConclusion: '2027-08-01', dateDebutContrat: '2027-09-01', dateFinContrat: '2028-08-31' }));
    expect(totalEcheancier(e)).toBe(8000);
    expect(e.map((x) => x.montantTotal)).toEqual([3200, 2400, 1600, 800]);
  });

  it('182 days inside a 366-day contract year: 8 000 × 182 / 366 = 3 978,14 €', () => {
    // 2027-09-01 → 2028-02-29 is 182 days; the contract year 2027-09-01 → 2028-08-31 holds 29 February 2028.
    const e = computeEcheancier(contrat({ dateConclusion: '2027-08-01', dateDebutContrat: '2027-09-01', dateFinContrat: '2028-02-29' }));
    expect(totalEcheancier(e)).toBe(3978.14);
  });

  it('one single day: 8 000 / 365 = 21,92 €', () => {
    const e = computeEcheancier(contrat({ dateDebutContrat: '2025-09-01', dateFinContrat: '2025-09-01' }));
    expect(totalEcheancier(e)).toBe(21.92);
  });

  it('12 months + 3 days = 368 days: the extra 3 days are 3/365 of the annual NPEC', () => {
    const e = computeEcheancier(contrat({ npecAnnuel: 7300, dateDebutContrat: '2025-09-01', dateFinContrat: '2026-09-03' }));
    expect(totalEcheancier(e)).toBe(7300 + (7300 * 3) / 365);
    expect(totalEcheancier(e.slice(4))).toBe(60);
  });
});

describe('worked examples, monthly prorata (contracts concluded before 2025-07-01)', () => {
  it('28 Sep N → 3 Oct N+1 is financed on 13 months (every started month is due)', () => {
    const e = computeEcheancier(contrat({ dateConclusion: '2023-09-15', dateDebutContrat: '2023-09-28', dateFinContrat: '2024-10-03', npecAnnuel: 6000 }));
    expect(totalEcheancier(e)).toBe(6500);
    expect(totalEcheancier(e.slice(3))).toBe(500);
  });

  it('rupture after 9 months at 7 000 €/year → 5 250 € (financing follows the contract, not the training)', () => {
    const input = contrat({ dateConclusion: '2023-08-20', dateDebutContrat: '2023-09-01', dateFinContrat: '2025-08-31', npecAnnuel: 7000 });
    const apres = prorataRupture(computeEcheancier(input), '2024-05-31', input);
    expect(totalEcheancier(apres)).toBe(5250);
    expect(apres.map((x) => [x.numero, x.montantTotal, x.dateOuverture])).toEqual([
      [1, 2800, '2023-09-01'],
      [2, 2100, '2024-03-01'],
      // The 10th-month échéance opens after the rupture: the balance is due on the last day of the contract.
      [3, 350, '2024-05-31'],
    ]);
  });

  it('reduced duration: 7 000 € on 9 months → 5 250 € → +10 % = 5 775 €', () => {
    expect(majorationDureeReduite(5250, 7000)).toBe(5775);
    const e = computeEcheancier(
      contrat({ dateConclusion: '2023-08-20', dateDebutContrat: '2023-09-01', dateFinContrat: '2024-05-31', npecAnnuel: 7000, dureeReduite: true }),
    );
    expect(totalEcheancier(e)).toBe(5775);
    // Contracts under one year before 2025-07-01: 50 % at the start, the balance at the end.
    expect(e.map((x) => [x.montantTotal, x.dateOuverture])).toEqual([
      [2887.5, '2023-09-01'],
      [2887.5, '2024-05-31'],
    ]);
  });

  it('the reduced-duration majoration never exceeds the annual NPEC', () => {
    expect(majorationDureeReduite(6416.67, 7000)).toBe(7000);
  });
});

describe('distance threshold', () => {
  it('1 080 h at distance out of 1 350 h reaches 80 %; one hour less does not', () => {
    expect(atteintSeuilDistanciel(1080, 1350)).toBe(true);
    expect(atteintSeuilDistanciel(1079, 1350)).toBe(false);
  });
});
