// Tests of coherence-fin-contrat-apres-debut.
import { describe, it, expect } from 'vitest';
import rule from './coherence-fin-contrat-apres-debut.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';

describe('coherence-fin-contrat-apres-debut', () => {
  it('passes when the contract ends after it starts', () => {
    expect(run(rule, cerfaCoherent()).outcome).toBe('pass');
  });

  it('fails on its plant at contrat.dateFinContrat, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['contrat.dateFinContrat']);
    expect(report.autresEchecs).toEqual([]);
  });

  it('fails on a one-day contract and skips on unreadable dates', () => {
    const cerfa = cerfaCoherent();
    cerfa.contrat.dateFinContrat = cerfa.contrat.dateDebutContrat;
    expect(run(rule, cerfa).outcome).toBe('fail');
    cerfa.contrat.dateFinContrat = '31/08/2027';
    expect(run(rule, cerfa).outcome).toBe('skip');
  });
});
