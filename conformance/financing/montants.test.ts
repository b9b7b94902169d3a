// Annual amounts after minorations, the employer participation and the frais annexes caps.
import { describe, it, expect } from 'vitest';
import { engagerFraisAnnexes, montantAnnuel, montantMaximal, participationEmployeur, plafondNature } from './index.js';

describe('montantAnnuel', () => {
  const apres2025 = { dateConclusion: '2025-09-01' };

  it('−20 % when at least 80 % is at distance, for contracts concluded from 2025-07-01', () => {
    expect(montantAnnuel(8000, { ...apres2025, distanciel80: true })).toBe(6400);
    expect(montantAnnuel(8000, { dateConclusion: '2025-06-30', distanciel80: true })).toBe(8000);
  });

  it('never below the 4 000 € floor, nor above an NPEC already under it', () => {
    expect(montantAnnuel(4500, { ...apres2025, distanciel80: true })).toBe(4000);
    expect(montantAnnuel(3500, { ...apres2025, distanciel80: true })).toBe(3500);
  });

  it('−10 % when part of the practical training is abroad, after the distance minoration', () => {
    expect(montantAnnuel(8000, { ...apres2025, transfrontalier: true })).toBe(7200);
    expect(montantAnnuel(8000, { ...apres2025, distanciel80: true, transfrontalier: true })).toBe(5760);
    expect(montantAnnuel(7777.77, { ...apres2025, transfrontalier: true })).toBe(6999.99);
  });

  it('rejects a negative NPEC', () => {
    expect(() => montantAnnuel(-1, apres2025)).toThrow(/npec/);
  });
});

describe('participationEmployeur', () => {
  const base = { dateConclusion: '2025-08-20', dateDebutContrat: '2025-09-01', niveauCertification: 6, npecAnnuel: 8000 };

  it('750 € for a level 6 certification, nothing below level 6 or before 2025-07-01', () => {
    expect(participationEmployeur(base)).toEqual({ montant: 750, motif: 'forfait' });
    expect(participationEmployeur({ ...base, niveauCertification: 7 }).montant).toBe(750);
    expect(participationEmployeur({ ...base, niveauCertification: 5 })).toEqual({ montant: 0, motif: 'non-applicable' });
    expect(participationEmployeur({ ...base, dateConclusion: '2025-06-30' }).montant).toBe(0);
  });

  it('200 € for a new contract with another employer after a rupture', () => {
    expect(participationEmployeur({ ...base, nouveauContratApresRupture: true })).toEqual({ montant: 200, motif: 'nouveau-contrat-apres-rupture' });
  });

  it('rupture in the 45-day probatory period: 50 % of the prorated amount, capped at 750 €', () => {
    // 20 days: 8 000 × 20 / 365 = 438,36 €; half is 219,18 €.
    expect(participationEmployeur({ ...base, dateRupture: '2025-09-20' })).toEqual({ montant: 219.18, motif: 'rupture-periode-probatoire' });
    expect(participationEmployeur({ ...base, npecAnnuel: 20000, dateRupture: '2025-10-15' }).montant).toBe(750);
    // Day 46: out of the probatory period, the flat amount applies.
    expect(participationEmployeur({ ...base, dateRupture: '2025-10-16' })).toEqual({ montant: 750, motif: 'forfait' });
  });
});

describe('frais annexes', () => {
  it('caps per night, per meal and per contract for the first equipment', () => {
    expect(plafondNature('HEBERGEMENT', '2025-09-01')).toEqual({ par: 'unite', montant: 6 });
    expect(plafondNature('RESTAURATION', '2025-09-01')).toEqual({ par: 'unite', montant: 3 });
    expect(plafondNature('PREMIER_EQUIPEMENT', '2025-09-01')).toEqual({ par: 'contrat', montant: 500 });
    expect(plafondNature('MOBILITE_INTERNATIONALE', '2025-09-01')).toEqual({ par: 'aucun' });
    expect(montantMaximal('RESTAURATION', 100, '2025-09-01')).toBe(300);
  });

  it('commits requested frais annexes within the caps', () => {
    expect(
      engagerFraisAnnexes(
        [
          { natureFrais: 'RESTAURATION', quantite: 100, prixUnitaire: 4 },
          { natureFrais: 'PREMIER_EQUIPEMENT', quantite: 1, prixUnitaire: 650 },
          { natureFrais: 'HEBERGEMENT', quantite: 30, prixUnitaire: 5.5 },
        ],
        '2025-08-20',
      ),
    ).toEqual([
      { natureFrais: 'RESTAURATION', quantite: 100, prixUnitaire: 3, montantTotal: 300 },
      { natureFrais: 'PREMIER_EQUIPEMENT', quantite: 1, prixUnitaire: 650, montantTotal: 500 },
      { natureFrais: 'HEBERGEMENT', quantite: 30, prixUnitaire: 5.5, montantTotal: 165 },
    ]);
  });
});
