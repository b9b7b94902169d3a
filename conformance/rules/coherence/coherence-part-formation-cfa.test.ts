// Tests of coherence-part-formation-cfa (L6211-2, hours basis of COH-24).
import { describe, it, expect } from 'vitest';
import rule from './coherence-part-formation-cfa.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';

describe('coherence-part-formation-cfa', () => {
  it('requires 25 % of 1 607 h a year at 35 h: 803 h for the 2-year fixture', () => {
    const cerfa = cerfaCoherent();
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.formation.dureeFormation = 803;
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.formation.dureeFormation = 802;
    expect(run(rule, cerfa).outcome).toBe('fail');
  });

  it('scales with the weekly hours', () => {
    const cerfa = cerfaCoherent();
    cerfa.formation.dureeFormation = 803;
    cerfa.contrat.dureeTravailHebdoHeures = 39;
    expect(run(rule, cerfa).outcome).toBe('fail');
  });

  it('fails on its plant at formation.dureeFormation, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['formation.dureeFormation']);
    expect(report.autresEchecs).toEqual([]);
  });

  it('skips when the weekly hours are undefined', () => {
    const cerfa = cerfaCoherent();
    cerfa.contrat.dureeTravailHebdoHeures = 0;
    cerfa.contrat.dureeTravailHebdoMinutes = 0;
    expect(run(rule, cerfa).outcome).toBe('skip');
  });
});
