// Tests of coherence-duree-hebdo-mineur (L3162-1).
import { describe, it, expect } from 'vitest';
import rule from './coherence-duree-hebdo-mineur.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';
import { variantesValides } from '../testing/variants.js';

describe('coherence-duree-hebdo-mineur', () => {
  it('passes for a minor at 35 h and does not apply to an adult', () => {
    expect(run(rule, variantesValides().mineur).outcome).toBe('pass');
    expect(run(rule, cerfaCoherent()).outcome).toBe('not-applicable');
  });

  it('fails on its plant at contrat.dureeTravailHebdoHeures, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['contrat.dureeTravailHebdoHeures']);
    expect(report.autresEchecs).toEqual([]);
    expect(rule.severity).toBe('avertissement');
  });

  it('counts the minutes', () => {
    const mineur = variantesValides().mineur;
    mineur.contrat.dureeTravailHebdoMinutes = 15;
    expect(run(rule, mineur).outcome).toBe('fail');
  });
});
