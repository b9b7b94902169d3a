// Tests of coherence-fin-contrat-fin-formation (D5).
import { describe, it, expect } from 'vitest';
import rule from './coherence-fin-contrat-fin-formation.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';

describe('coherence-fin-contrat-fin-formation', () => {
  it('passes up to exactly 3 months after the end of the training', () => {
    const cerfa = cerfaCoherent();
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.contrat.dateFinContrat = '2027-09-30';
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.contrat.dateFinContrat = '2027-10-01';
    expect(run(rule, cerfa).outcome).toBe('fail');
  });

  it('fails on its plant at contrat.dateFinContrat, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['contrat.dateFinContrat']);
    expect(report.autresEchecs).toEqual([]);
  });

  it('extends the contract when ending the training earlier would make it shorter than 6 months', () => {
    const cerfa = cerfaCoherent();
    cerfa.formation.dateDebutFormation = '2027-01-01';
    cerfa.formation.dateFinFormation = '2027-06-30';
    const report = plantReport(rule, cerfa);
    expect(report.planted.outcome).toBe('fail');
    expect(report.plantedPayload.formation.dateFinFormation).toBe('2027-06-30');
    expect(report.plantedPayload.contrat.dateFinContrat).toBe('2027-10-01');
  });
});
