// Tests of coherence-duree-formation (F2).
import { describe, it, expect } from 'vitest';
import rule from './coherence-duree-formation.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';

describe('coherence-duree-formation', () => {
  it('passes from exactly 6 months to exactly 48 months', () => {
    const cerfa = cerfaCoherent();
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.formation.dateFinFormation = '2026-03-08';
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.formation.dateFinFormation = '2026-03-07';
    expect(run(rule, cerfa).outcome).toBe('fail');
    cerfa.formation.dateFinFormation = '2029-09-08';
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.formation.dateFinFormation = '2029-10-08';
    expect(run(rule, cerfa).outcome).toBe('fail');
  });

  it('fails on its plant at formation.dateFinFormation, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['formation.dateFinFormation']);
    expect(report.autresEchecs).toEqual([]);
  });

  it('reports an inverted training at its start date', () => {
    const cerfa = cerfaCoherent();
    cerfa.formation.dateDebutFormation = '2027-07-01';
    expect(paths(run(rule, cerfa))).toEqual(['formation.dateDebutFormation']);
  });
});
