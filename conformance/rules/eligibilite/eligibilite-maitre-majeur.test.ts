// Tests of eligibilite-maitre-majeur (M2).
import { describe, it, expect } from 'vitest';
import rule from './eligibilite-maitre-majeur.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';
import { variantesValides } from '../testing/variants.js';

describe('eligibilite-maitre-majeur', () => {
  it('passes with adult maîtres', () => {
    expect(run(rule, cerfaCoherent()).outcome).toBe('pass');
    expect(run(rule, variantesValides()['deux-maitres']).outcome).toBe('pass');
  });

  it('fails on its plant at maitre1.dateNaissance, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['maitre1.dateNaissance']);
    expect(report.autresEchecs).toEqual([]);
  });

  it('passes on the 18th birthday and checks the second maître', () => {
    const cerfa = variantesValides()['deux-maitres'];
    cerfa.maitre2!.dateNaissance = '2007-09-01';
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.maitre2!.dateNaissance = '2007-09-02';
    expect(paths(run(rule, cerfa))).toEqual(['maitre2.dateNaissance']);
  });

  it('leaves a birth date in the future to coherence-maitre-naissance-passee', () => {
    const cerfa = cerfaCoherent();
    cerfa.maitre1.dateNaissance = '2026-01-01';
    expect(run(rule, cerfa, { today: '2025-08-25' }).outcome).toBe('pass');
    expect(run(rule, cerfa, {}).outcome).toBe('fail');
  });
});
