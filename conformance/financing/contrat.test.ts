// A contract's financing as the OPCO commits it: level of a CERFA diploma type, participation deducted from E1, rupture in the probatory period.
import { describe, expect, it } from 'vitest';
import {
  apresRuptureAutreEmployeur,
  financerContrat,
  financerRupture,
  forfaitParticipation,
  niveauDuTypeDiplome,
  parseFinancementParams,
  totalEcheancier,
  valeurAmorcage,
  type ContratFinance,
} from './index.js';

const contrat = (over: Partial<ContratFinance> = {}): ContratFinance => ({
  dateConclusion: '2025-08-20',
  dateDebutContrat: '2025-09-01',
  dateFinContrat: '2026-08-31',
  npecAnnuel: 6000,
  niveauCertification: 7,
  iban: 'FR7630006000011234567890189',
  siret: '85300000800005',
  ...over,
});

describe('niveauDuTypeDiplome and apresRuptureAutreEmployeur', () => {
  it('reads the level from the tens digit of the CERFA diploma type', () => {
    expect([33, 38, 41, 49, 54, 58, 62, 69, 73, 79, 80].map(niveauDuTypeDiplome)).toEqual([3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8]);
    expect([13, 25, 26, 81, undefined, '54', 5.4].map(niveauDuTypeDiplome)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('tells the 200 € case from contract type 23 only', () => {
    expect([11, 21, 22, 23, '23'].map(apresRuptureAutreEmployeur)).toEqual([false, false, false, true, true]);
  });
});

describe('financerContrat', () => {
  it('6 000 € for a level 7 contract from 2025-07-01: 5 250 € committed, E1 1 650 € (issue 14)', () => {
    const { echeances, participation } = financerContrat(contrat());
    expect(participation).toEqual({ montant: 750, motif: 'forfait' });
    expect(totalEcheancier(echeances)).toBe(5250);
    expect(echeances.map((e) => e.montantTotal)).toEqual([1650, 1800, 1200, 600]);
  });

  it('200 € after a rupture with another employer; nothing below level 6, before 2025-07-01 or for an unknown level', () => {
    expect(financerContrat(contrat({ nouveauContratApresRupture: true })).echeances[0]!.montantTotal).toBe(2200);
    expect(financerContrat(contrat({ niveauCertification: 5 })).participation.montant).toBe(0);
    expect(financerContrat(contrat({ dateConclusion: '2025-06-30' })).participation.montant).toBe(0);
    const { niveauCertification: _n, ...sansNiveau } = contrat();
    expect(financerContrat(sansNiveau).participation).toEqual({ montant: 0, motif: 'non-applicable' });
    expect([forfaitParticipation(contrat()), forfaitParticipation(contrat({ nouveauContratApresRupture: true })), forfaitParticipation(contrat({ niveauCertification: 4 }))]).toEqual([750, 200, 0]);
  });

  it('takes an overriding amount (a broken OPCO), keeping the motive', () => {
    expect(financerContrat(contrat(), undefined, 0)).toMatchObject({ participation: { montant: 0, motif: 'forfait' } });
    expect(totalEcheancier(financerContrat(contrat(), undefined, 0).echeances)).toBe(6000);
  });
});

describe('financerRupture', () => {
  it('within the 45 days: 50 % of the days performed, the rest paid by the OPCO', () => {
    const avant = financerContrat(contrat()).echeances;
    // 30 days: 6 000 × 30 / 365 = 493,15 €; the employer pays 246,58 €, the OPCO 246,57 €.
    const { echeances, participation } = financerRupture(avant, '2025-09-30', contrat());
    expect(participation).toEqual({ montant: 246.58, motif: 'rupture-periode-probatoire' });
    expect(totalEcheancier(echeances)).toBe(246.57);
  });

  it('capped at 750 €, and the flat amount after day 45', () => {
    const gros = contrat({ npecAnnuel: 20000, dateFinContrat: '2027-08-31' });
    expect(financerRupture(financerContrat(gros).echeances, '2025-10-15', gros).participation.montant).toBe(750);
    const apres = financerRupture(financerContrat(contrat()).echeances, '2025-10-16', contrat());
    expect(apres.participation).toEqual({ montant: 750, motif: 'forfait' });
    // 46 days: 6 000 × 46 / 365 = 756,16 €, less 750 €.
    expect(totalEcheancier(apres.echeances)).toBe(6.16);
  });
});

describe('valeurAmorcage', () => {
  it('follows the dated tables by date of conclusion', () => {
    expect([3, 4, 5, 6, 7, 8].map((n) => valeurAmorcage(n, '2022-09-01'))).toEqual([5470, 5621, 6000, 6000, 7000, 7000]);
    expect([3, 4, 5, 6, 7, 8].map((n) => valeurAmorcage(n, '2021-03-01'))).toEqual([6100, 7700, 7600, 6800, 7500, 7500]);
    expect(valeurAmorcage(5, '2019-12-31')).toBeUndefined();
    expect(valeurAmorcage(2, '2025-01-01')).toBeUndefined();
  });

  it('can be overridden by a parameter file', () => {
    const p = parseFinancementParams("valeursAmorcage: [{ dateDebut: '2020-01-01', niveaux: { 5: 6500 }, source: 'test' }]", 'override.yaml');
    expect(valeurAmorcage(5, '2025-01-01', p)).toBe(6500);
    expect(() => parseFinancementParams("valeursAmorcage: [{ dateDebut: '2020-01-01', niveaux: { 9: 1 } }]", 'bad.yaml')).toThrow(/bad\.yaml: valeursAmorcage\[0\]\.niveaux\.9: expected a level 3 to 8/);
  });
});
