// Tests of eligibilite-age-maximum (L6222-1, L6222-2): 29 years 364 days, 30, RQTH at 40, successions at 34 and 36.
import { describe, it, expect } from 'vitest';
import rule from './eligibilite-age-maximum.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';
import { variantesValides } from '../testing/variants.js';
import type { Cerfa } from '../../model/payloads.js';

/** Contract starts 2025-09-01. */
function avec(dateNaissance: string, edit: (cerfa: Cerfa) => void = () => {}) {
  const cerfa = cerfaCoherent();
  cerfa.apprenti.dateNaissance = dateNaissance;
  edit(cerfa);
  return run(rule, cerfa).outcome;
}

describe('eligibilite-age-maximum', () => {
  it('passes at 29 years and 364 days and fails on the 30th birthday', () => {
    expect(avec('1995-09-02')).toBe('pass');
    expect(avec('1995-09-01')).toBe('fail');
  });

  it('lifts the limit for RQTH (40 years), a business project or a high-level athlete', () => {
    expect(avec('1985-06-01', (c) => (c.apprenti.handicap = true))).toBe('pass');
    expect(avec('1985-06-01', (c) => (c.apprenti.projetCreationRepriseEntreprise = true))).toBe('pass');
    expect(avec('1985-06-01', (c) => (c.apprenti.inscriptionSportifDeHautNiveau = true))).toBe('pass');
    expect(run(rule, variantesValides()['rqth-40-ans-42-mois']).outcome).toBe('pass');
  });

  it('accepts a successive contract up to 35 included: 34 and 35 pass, 36 fails', () => {
    const succession = (c: Cerfa) => (c.contrat.typeContratApp = 22);
    expect(avec('1991-06-01', succession)).toBe('pass');
    expect(avec('1990-06-01', succession)).toBe('pass');
    expect(avec('1989-06-01', succession)).toBe('fail');
    expect(avec('1991-06-01')).toBe('fail');
  });

  it('gives avenants the successive-contract limit (the initial contract type is unknown)', () => {
    const avenant = variantesValides()['succession-33-ans'];
    avenant.contrat.typeContratApp = 36;
    avenant.contrat.dateEffetAvenant = '2025-10-01';
    expect(run(rule, avenant).outcome).toBe('pass');
  });

  it('uses the pre-2019 limit of 25 for contracts concluded before 2019', () => {
    const before = (c: Cerfa) => {
      c.contrat.dateConclusion = '2018-08-20';
      c.contrat.dateDebutContrat = '2018-09-01';
    };
    expect(avec('1992-09-02', before)).toBe('pass');
    expect(avec('1992-09-01', before)).toBe('fail');
  });

  it('fails on its plant at apprenti.dateNaissance, alone in its areas, with the NIR following', () => {
    expect(run(rule, cerfaCoherent()).outcome).toBe('pass');
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['apprenti.dateNaissance']);
    expect(report.autresEchecs).toEqual([]);
    const { dateNaissance, nir } = report.plantedPayload.apprenti;
    expect(nir.slice(1, 3)).toBe(dateNaissance.slice(2, 4));
    expect(nir.slice(3, 5)).toBe(dateNaissance.slice(5, 7));
    expect(97 - (Number(nir.slice(0, 13)) % 97)).toBe(Number(nir.slice(13)));
  });

  it('plants past the successive limit for a succession', () => {
    const report = plantReport(rule, variantesValides()['succession-33-ans']);
    expect(report.planted.outcome).toBe('fail');
    expect(report.autresEchecs).toEqual([]);
  });
});
