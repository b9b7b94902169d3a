// Tests of coherence-distanciel-duree-formation (wire-format.md §3: distance-learning hours within the training's).
import { describe, it, expect } from 'vitest';
import rule from './coherence-distanciel-duree-formation.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';

describe('coherence-distanciel-duree-formation', () => {
  it('does not apply without distance learning, passes up to the whole training', () => {
    const cerfa = cerfaCoherent();
    expect(run(rule, cerfa).outcome).toBe('not-applicable');
    cerfa.formation.nombreHeuresEnDistanciel = 0;
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.formation.nombreHeuresEnDistanciel = cerfa.formation.dureeFormation;
    expect(run(rule, cerfa).outcome).toBe('pass');
  });

  it('fails on its plant at formation.nombreHeuresEnDistanciel, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['formation.nombreHeuresEnDistanciel']);
    expect(report.planted.outcome === 'fail' && report.planted.violations[0]?.received).toBe('1351 heures');
    expect(report.autresEchecs).toEqual([]);
  });

  it('skips without a readable training duration, fails on hours that are not a number', () => {
    const sansDuree = cerfaCoherent() as unknown as { formation: Record<string, unknown> };
    sansDuree.formation.nombreHeuresEnDistanciel = 10;
    delete sansDuree.formation.dureeFormation;
    expect(rule.check(sansDuree as never, {}).outcome).toBe('skip');
    const texte = cerfaCoherent() as unknown as { formation: Record<string, unknown> };
    texte.formation.nombreHeuresEnDistanciel = '10';
    expect(paths(rule.check(texte as never, {}))).toEqual(['formation.nombreHeuresEnDistanciel']);
  });
});
