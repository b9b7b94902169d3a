// Tests of coherence-formation-avant-signature-debut-contrat (vade-mecum V2).
import { describe, it, expect } from 'vitest';
import rule from './coherence-formation-avant-signature-debut-contrat.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';
import { variantesValides } from '../testing/variants.js';

describe('coherence-formation-avant-signature-debut-contrat', () => {
  it('passes when the training began before signature and the contract starts at signature', () => {
    expect(run(rule, variantesValides()['stagiaire-avant-contrat']).outcome).toBe('pass');
  });

  it('does not apply when the training starts after the signature', () => {
    expect(run(rule, cerfaCoherent()).outcome).toBe('not-applicable');
  });

  it('fails on its plant at contrat.dateDebutContrat, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['contrat.dateDebutContrat']);
    expect(report.autresEchecs).toEqual([]);
  });

  it('plants from a trainee payload too', () => {
    const report = plantReport(rule, variantesValides()['stagiaire-avant-contrat']);
    expect(report.planted.outcome).toBe('fail');
    expect(report.autresEchecs).toEqual([]);
  });
});
