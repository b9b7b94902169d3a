// Tests of coherence-avenant-contrat-precedent (C2).
import { describe, it, expect } from 'vitest';
import rule from './coherence-avenant-contrat-precedent.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';
import { variantesValides } from '../testing/variants.js';

describe('coherence-avenant-contrat-precedent', () => {
  it('passes on an avenant giving the modified contract, and does not apply to first contracts', () => {
    expect(run(rule, variantesValides().avenant).outcome).toBe('pass');
    expect(run(rule, cerfaCoherent()).outcome).toBe('not-applicable');
  });

  it('fails on its plant at contrat.numeroContratPrecedent, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['contrat.numeroContratPrecedent']);
    expect(report.autresEchecs).toEqual([]);
  });

  it('requires the number for types 31 to 37 only (38 and blanks)', () => {
    const avenant = variantesValides().avenant;
    avenant.contrat.numeroContratPrecedent = '  ';
    expect(run(rule, avenant).outcome).toBe('fail');
    avenant.contrat.typeContratApp = 38;
    expect(run(rule, avenant).outcome).toBe('not-applicable');
  });
});
