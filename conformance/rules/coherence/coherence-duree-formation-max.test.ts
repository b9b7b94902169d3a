// Tests of coherence-duree-formation-max (F4).
import { describe, it, expect } from 'vitest';
import rule from './coherence-duree-formation-max.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';

describe('coherence-duree-formation-max', () => {
  it('passes up to 9 999 hours', () => {
    const cerfa = cerfaCoherent();
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.formation.dureeFormation = 9999;
    expect(run(rule, cerfa).outcome).toBe('pass');
  });

  it('fails on its plant at formation.dureeFormation, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['formation.dureeFormation']);
    expect(report.autresEchecs).toEqual([]);
  });
});
