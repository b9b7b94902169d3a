// Tests of coherence-debut-formation-pratique (D9).
import { describe, it, expect } from 'vitest';
import rule from './coherence-debut-formation-pratique.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';

describe('coherence-debut-formation-pratique', () => {
  it('passes within the first 3 months of the contract, and does not apply when absent', () => {
    const cerfa = cerfaCoherent();
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.contrat.dateFormationPratiqueEmployeur = '2025-12-01';
    expect(run(rule, cerfa).outcome).toBe('pass');
    delete cerfa.contrat.dateFormationPratiqueEmployeur;
    expect(run(rule, cerfa).outcome).toBe('not-applicable');
  });

  it('fails on its plant at contrat.dateFormationPratiqueEmployeur, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['contrat.dateFormationPratiqueEmployeur']);
    expect(report.autresEchecs).toEqual([]);
  });

  it('fails the day after the 3-month limit and before the conclusion', () => {
    const late = cerfaCoherent();
    late.contrat.dateFormationPratiqueEmployeur = '2025-12-02';
    expect(run(rule, late).outcome).toBe('fail');
    const early = cerfaCoherent();
    early.contrat.dateConclusion = '2025-09-01';
    early.contrat.dateDebutContrat = '2025-08-25';
    early.contrat.dateFormationPratiqueEmployeur = '2025-08-30';
    const result = run(rule, early);
    expect(result.outcome).toBe('fail');
    expect(result.outcome === 'fail' && result.violations[0]?.message).toMatch(/conclusion/);
  });
});
