// Tests of coherence-fin-formation-dans-contrat (F3).
import { describe, it, expect } from 'vitest';
import rule from './coherence-fin-formation-dans-contrat.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';

describe('coherence-fin-formation-dans-contrat', () => {
  it('passes when the training ends inside the contract, its last day included', () => {
    const cerfa = cerfaCoherent();
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.formation.dateFinFormation = cerfa.contrat.dateFinContrat;
    expect(run(rule, cerfa).outcome).toBe('pass');
  });

  it('fails on its plant at formation.dateFinFormation, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['formation.dateFinFormation']);
    expect(report.autresEchecs).toEqual([]);
  });

  it('skips when the contract dates are inverted (reported by coherence-fin-contrat-apres-debut)', () => {
    const cerfa = cerfaCoherent();
    cerfa.contrat.dateFinContrat = '2025-08-01';
    expect(run(rule, cerfa).outcome).toBe('skip');
  });
});
