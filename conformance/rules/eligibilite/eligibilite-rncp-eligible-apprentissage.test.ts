// Tests of eligibilite-rncp-eligible-apprentissage (seed 003: the « éligible à l'apprentissage » box of the RNCP fiche).
import { describe, it, expect } from 'vitest';
import rule from './eligibilite-rncp-eligible-apprentissage.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';

describe('eligibilite-rncp-eligible-apprentissage', () => {
  it('skips without the référentiel and passes for an eligible certification', () => {
    expect(run(rule, cerfaCoherent(), {}).outcome).toBe('skip');
    expect(run(rule, cerfaCoherent(), { rncpNonEligibles: ['RNCP99901'] }).outcome).toBe('pass');
    expect(run(rule, cerfaCoherent(), { rncpNonEligibles: [] }).outcome).toBe('pass');
  });

  it('fails on its plant at formation.rncp, alone in its areas, with its French message', () => {
    const report = plantReport(rule, cerfaCoherent(), {});
    expect(paths(report.planted)).toEqual(['formation.rncp']);
    expect(report.autresEchecs).toEqual([]);
    expect(report.planted.outcome === 'fail' && report.planted.violations[0]!.message).toBe(
      "La certification préparée n'est pas éligible à l'apprentissage au RNCP",
    );
  });

  it('matches with or without the RNCP prefix, whatever the case, in a long list too', () => {
    const rncp = cerfaCoherent().formation.rncp.replace(/^RNCP/, '');
    expect(run(rule, cerfaCoherent(), { rncpNonEligibles: [rncp] }).outcome).toBe('fail');
    expect(run(rule, cerfaCoherent(), { rncpNonEligibles: [`rncp${rncp}`] }).outcome).toBe('fail');
    const longue = [...Array.from({ length: 40 }, (_, i) => `RNCP${90000 + i}`), `RNCP${rncp}`];
    expect(run(rule, cerfaCoherent(), { rncpNonEligibles: longue }).outcome).toBe('fail');
  });
});
