// Tests of coherence-type-diplome-code (R2).
import { describe, it, expect } from 'vitest';
import rule from './coherence-type-diplome-code.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';

describe('coherence-type-diplome-code', () => {
  it('passes when the type matches the code prefix (320 → 54, BTS)', () => {
    expect(run(rule, cerfaCoherent()).outcome).toBe('pass');
  });

  it('fails on its plant at formation.typeDiplome, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['formation.typeDiplome']);
    expect(report.autresEchecs).toEqual([]);
  });

  it('skips an unknown prefix and does not apply without a type', () => {
    const cerfa = cerfaCoherent();
    cerfa.formation.codeDiplome = '99912345';
    expect(run(rule, cerfa).outcome).toBe('skip');
    delete cerfa.formation.typeDiplome;
    expect(run(rule, cerfa).outcome).toBe('not-applicable');
  });

  it('compares levels only: a master coded 135… may be 71 or 73, not 62', () => {
    const cerfa = cerfaCoherent();
    cerfa.formation.codeDiplome = '13532602';
    cerfa.formation.typeDiplome = 73;
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.formation.typeDiplome = 80;
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.formation.typeDiplome = 62;
    expect(run(rule, cerfa).outcome).toBe('fail');
  });

  it('recognises a CAP (500 → 33) and a licence professionnelle (250 → 62)', () => {
    const cerfa = cerfaCoherent();
    cerfa.formation.codeDiplome = '50022137';
    cerfa.formation.typeDiplome = 33;
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.formation.codeDiplome = '25031001';
    expect(run(rule, cerfa).outcome).toBe('fail');
  });
});
