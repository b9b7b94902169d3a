// Tests of coherence-avenant-date-effet (C2, D1, D3).
import { describe, it, expect } from 'vitest';
import rule from './coherence-avenant-date-effet.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';
import { variantesValides } from '../testing/variants.js';

describe('coherence-avenant-date-effet', () => {
  it('passes on an avenant effective inside the contract, and does not apply to first contracts', () => {
    expect(run(rule, variantesValides().avenant).outcome).toBe('pass');
    expect(run(rule, cerfaCoherent()).outcome).toBe('not-applicable');
  });

  it('fails on its plant at contrat.dateEffetAvenant, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['contrat.dateEffetAvenant']);
    expect(report.autresEchecs).toEqual([]);
  });

  it('fails before the start (D1) and after the end (D3); the bounds pass', () => {
    const avenant = variantesValides().avenant;
    for (const [effet, outcome] of [
      ['2025-08-31', 'fail'],
      ['2025-09-01', 'pass'],
      ['2027-08-31', 'pass'],
      ['2027-09-01', 'fail'],
    ] as const) {
      avenant.contrat.dateEffetAvenant = effet;
      expect(run(rule, avenant).outcome).toBe(outcome);
    }
  });
});
