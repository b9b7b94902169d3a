// Tests of coherence-conclusion-avant-debut-contrat (D8).
import { describe, it, expect } from 'vitest';
import rule from './coherence-conclusion-avant-debut-contrat.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';
import { variantesValides } from '../testing/variants.js';

describe('coherence-conclusion-avant-debut-contrat', () => {
  it('passes when the contract is concluded before or on its start date', () => {
    expect(run(rule, cerfaCoherent()).outcome).toBe('pass');
    expect(run(rule, variantesValides()['stagiaire-avant-contrat']).outcome).toBe('pass');
  });

  it('fails on its plant at contrat.dateConclusion, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['contrat.dateConclusion']);
    expect(report.autresEchecs).toEqual([]);
  });

  it('does not apply to avenants, concluded after the contract started', () => {
    const avenant = variantesValides().avenant;
    avenant.contrat.dateConclusion = '2026-01-15';
    expect(run(rule, avenant).outcome).toBe('not-applicable');
  });

  it('turns an avenant into a first contract to plant the breach', () => {
    const report = plantReport(rule, variantesValides().avenant);
    expect(report.planted.outcome).toBe('fail');
    expect(report.plantedPayload.contrat.typeContratApp).toBe(11);
    expect(report.autresEchecs).toEqual([]);
  });
});
