// Tests of coherence-succession-contrat-precedent.
import { describe, it, expect } from 'vitest';
import rule from './coherence-succession-contrat-precedent.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';
import { variantesValides } from '../testing/variants.js';

describe('coherence-succession-contrat-precedent', () => {
  it('passes on a succession giving the previous contract, and does not apply to first contracts', () => {
    expect(run(rule, variantesValides()['succession-33-ans']).outcome).toBe('pass');
    expect(run(rule, cerfaCoherent()).outcome).toBe('not-applicable');
  });

  it('fails on its plant at contrat.numeroContratPrecedent, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['contrat.numeroContratPrecedent']);
    expect(report.autresEchecs).toEqual([]);
    expect(rule.severity).toBe('avertissement');
  });
});
