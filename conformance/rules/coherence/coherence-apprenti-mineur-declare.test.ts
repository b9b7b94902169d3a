// Tests of coherence-apprenti-mineur-declare.
import { describe, it, expect } from 'vitest';
import rule from './coherence-apprenti-mineur-declare.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';
import { variantesValides } from '../testing/variants.js';

describe('coherence-apprenti-mineur-declare', () => {
  it('passes for an adult declared adult and a minor declared minor', () => {
    expect(run(rule, cerfaCoherent()).outcome).toBe('pass');
    expect(run(rule, variantesValides().mineur).outcome).toBe('pass');
  });

  it('fails on its plant at apprenti.apprentiMineur, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['apprenti.apprentiMineur']);
    expect(report.autresEchecs).toEqual([]);
  });

  it('judges at the conclusion date: 18 on the conclusion day is an adult', () => {
    const cerfa = cerfaCoherent();
    cerfa.apprenti.dateNaissance = '2007-08-20';
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.apprenti.dateNaissance = '2007-08-21';
    expect(paths(run(rule, cerfa))).toEqual(['apprenti.apprentiMineur']);
  });

  it('flags an adult declared "mineur non émancipé"', () => {
    const cerfa = cerfaCoherent();
    cerfa.apprenti.apprentiMineurNonEmancipe = true;
    expect(paths(run(rule, cerfa))).toEqual(['apprenti.apprentiMineurNonEmancipe']);
  });
});
