// Tests of the minimum remuneration lines: periods, birthday month rule, SMIC by date, ceil to the cent, SMC from 21.
import { describe, it, expect } from 'vitest';
import { ageRetenu, departementEmployeur, lignesRemunerationMinimale, periodesRemunerationMinimale, salaireBrut } from './lignes.js';
import { cerfaCoherent } from '../rules/fixtures/cerfa-coherent.js';
import type { Cerfa } from '../model/payloads.js';

function cerfaWith(patch: {
  naissance?: string;
  debut?: string;
  fin?: string;
  conclusion?: string;
  smc?: number;
  departement?: string;
}): Cerfa {
  const cerfa = cerfaCoherent();
  if (patch.naissance) cerfa.apprenti.dateNaissance = patch.naissance;
  if (patch.debut) cerfa.contrat.dateDebutContrat = patch.debut;
  if (patch.fin) cerfa.contrat.dateFinContrat = patch.fin;
  if (patch.conclusion) cerfa.contrat.dateConclusion = patch.conclusion;
  if (patch.smc !== undefined) cerfa.contrat.smc = patch.smc;
  if (patch.departement) cerfa.employeur.adresse.departement = patch.departement;
  return cerfa;
}

const summary = (cerfa: Cerfa) =>
  lignesRemunerationMinimale(cerfa).map((l) => `${l.ordre} ${l.dateDebut}→${l.dateFin} ${l.taux}% ${l.typeSalaire} ${l.salaireBrut}`);

describe('lignesRemunerationMinimale', () => {
  it('rebuilds the fixture lines exactly (one line per contract year, split the month after the 21st birthday)', () => {
    const cerfa = cerfaCoherent();
    expect(lignesRemunerationMinimale(cerfa)).toEqual(cerfa.contrat.remunerationsAnnuelles);
  });

  it('changes the rate on the first day of the month following the birthday', () => {
    expect(summary(cerfaWith({ naissance: '2008-10-10', debut: '2025-09-01', fin: '2027-08-31' }))).toEqual([
      '1.1 2025-09-01→2026-08-31 27% SMIC 486.49',
      '2.1 2026-09-01→2026-10-31 39% SMIC 702.71',
      '2.2 2026-11-01→2027-08-31 51% SMIC 918.92',
    ]);
  });

  it('waits for the next month even when the birthday is on the 1st', () => {
    const periodes = periodesRemunerationMinimale({
      naissance: 20070401,
      debutContrat: 20250101,
      finContrat: 20251231,
      conclusion: 20241201,
    });
    expect(periodes.map((p) => [p.dateDebut, p.dateFin, p.age, p.tauxMinimal])).toEqual([
      [20250101, 20250430, 17, 27],
      [20250501, 20251231, 18, 43],
    ]);
  });

  it('takes the age at hiring when the birthday falls just before the start, in the same month', () => {
    expect(summary(cerfaWith({ naissance: '2007-09-10', debut: '2025-09-15', fin: '2026-09-14', conclusion: '2025-09-01' }))).toEqual([
      '1.1 2025-09-15→2026-09-14 43% SMIC 774.78',
    ]);
    expect(ageRetenu(20070910, 20250915, 20250915)).toBe(18);
    expect(ageRetenu(20070920, 20250915, 20250930)).toBe(17);
    expect(ageRetenu(20070920, 20250915, 20251001)).toBe(18);
  });

  it('uses the SMIC in force on the start date for every line', () => {
    const before = lignesRemunerationMinimale(cerfaWith({ debut: '2024-10-15', fin: '2026-10-14', conclusion: '2024-10-01' }));
    expect(before[0]?.salaireBrut).toBe(salaireBrut(1766.92, before[0]?.taux ?? 0));
    const after = lignesRemunerationMinimale(cerfaWith({ debut: '2026-01-05', fin: '2027-01-04', conclusion: '2025-12-20' }));
    expect(after[0]?.salaireBrut).toBe(salaireBrut(1823.03, after[0]?.taux ?? 0));
  });

  it('applies the SMC from 21 only when it is larger than the SMIC', () => {
    const lignes = lignesRemunerationMinimale(cerfaWith({ smc: 2000 }));
    expect(lignes.map((l) => [l.ordre, l.typeSalaire, l.salaireBrut])).toEqual([
      ['1.1', 'SMIC', 774.78],
      ['1.2', 'SMC', 1060],
      ['2.1', 'SMC', 1220],
    ]);
    const lower = lignesRemunerationMinimale(cerfaWith({ smc: 1500 }));
    expect(lower.every((l) => l.typeSalaire === 'SMIC')).toBe(true);
  });

  it('uses the Mayotte SMIC for an employer in 976', () => {
    const lignes = lignesRemunerationMinimale(cerfaWith({ departement: '976' }));
    expect(lignes[0]?.salaireBrut).toBe(salaireBrut(1361.97, 43));
  });

  it('keeps the third year rates in a fourth year', () => {
    const lignes = lignesRemunerationMinimale(cerfaWith({ naissance: '1990-01-10', fin: '2029-08-31' }));
    expect(lignes.map((l) => `${l.ordre} ${l.taux}`)).toEqual(['1.1 100', '2.1 100', '3.1 100', '4.1 100']);
    const young = lignesRemunerationMinimale(cerfaWith({ naissance: '2009-06-10', fin: '2029-08-31' }));
    expect(young.map((l) => `${l.ordre} ${l.taux}`)).toEqual(['1.1 27', '2.1 39', '2.2 51', '3.1 67', '4.1 67']);
  });

  it('uses the former grid for contracts concluded before 2019', () => {
    const lignes = lignesRemunerationMinimale(
      cerfaWith({ naissance: '1998-03-15', debut: '2018-09-01', fin: '2019-08-31', conclusion: '2018-08-20' }),
    );
    expect(lignes.map((l) => `${l.ordre} ${l.taux}`)).toEqual(['1.1 41', '1.2 53']);
  });

  it('answers no line when the contract ends before it starts or a date is unreadable', () => {
    expect(lignesRemunerationMinimale(cerfaWith({ fin: '2025-08-31' }))).toEqual([]);
    expect(lignesRemunerationMinimale(cerfaWith({ naissance: '15/03/2005' }))).toEqual([]);
  });
});

describe('salaireBrut', () => {
  it('rounds up to the cent without overshooting exact amounts', () => {
    expect(salaireBrut(1801.8, 27)).toBe(486.49);
    expect(salaireBrut(1766.92, 53)).toBe(936.47);
    expect(salaireBrut(1000, 43)).toBe(430);
    expect(salaireBrut(1539.42, 100)).toBe(1539.42);
    expect(salaireBrut(1801.8, 43)).toBe(774.78);
  });
});

describe('departementEmployeur', () => {
  it('takes the declared département when well formed, else the postal code (Mayotte keeps its SMIC)', () => {
    const cerfa = cerfaCoherent();
    const mayotte = (departement: string): Cerfa => ({
      ...cerfa,
      employeur: { ...cerfa.employeur, adresse: { ...cerfa.employeur.adresse, codePostal: '97600', departement } },
    });
    expect(departementEmployeur(mayotte('976'))).toBe('976');
    expect(departementEmployeur(mayotte('2C'))).toBe('976');
  });
});
