// Tests of eligibilite-responsable-legal-mineur (D7).
import { describe, it, expect } from 'vitest';
import rule from './eligibilite-responsable-legal-mineur.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';
import { variantesValides } from '../testing/variants.js';

describe('eligibilite-responsable-legal-mineur', () => {
  it('passes for a minor with a legal representative, and does not apply to an adult', () => {
    expect(run(rule, variantesValides().mineur).outcome).toBe('pass');
    expect(run(rule, cerfaCoherent()).outcome).toBe('not-applicable');
  });

  it('fails on its plant at apprenti.responsableLegal, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['apprenti.responsableLegal']);
    expect(report.autresEchecs).toEqual([]);
  });

  it('accepts an emancipated minor without representative', () => {
    const mineur = variantesValides().mineur;
    delete mineur.apprenti.responsableLegal;
    mineur.apprenti.apprentiMineurNonEmancipe = false;
    expect(run(rule, mineur).outcome).toBe('pass');
    delete mineur.apprenti.apprentiMineurNonEmancipe;
    expect(run(rule, mineur).outcome).toBe('fail');
  });
});
