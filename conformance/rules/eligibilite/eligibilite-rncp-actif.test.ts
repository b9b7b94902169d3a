// Tests of eligibilite-rncp-actif (seed 003: inactive RNCP certification → refusal).
import { describe, it, expect } from 'vitest';
import rule from './eligibilite-rncp-actif.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';

describe('eligibilite-rncp-actif', () => {
  it('skips without the référentiel and passes for an active certification', () => {
    expect(run(rule, cerfaCoherent(), {}).outcome).toBe('skip');
    expect(run(rule, cerfaCoherent(), { rncpInactifs: ['RNCP12345'] }).outcome).toBe('pass');
  });

  it('fails on its plant at formation.rncp, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent(), {});
    expect(paths(report.planted)).toEqual(['formation.rncp']);
    expect(report.autresEchecs).toEqual([]);
  });

  it('matches with or without the RNCP prefix, whatever the case', () => {
    expect(run(rule, cerfaCoherent(), { rncpInactifs: ['38362'] }).outcome).toBe('fail');
    expect(run(rule, cerfaCoherent(), { rncpInactifs: ['rncp38362'] }).outcome).toBe('fail');
  });
});
