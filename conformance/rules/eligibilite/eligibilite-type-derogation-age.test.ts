// Tests of eligibilite-type-derogation-age (A5).
import { describe, it, expect } from 'vitest';
import rule from './eligibilite-type-derogation-age.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';
import { variantesValides } from '../testing/variants.js';

describe('eligibilite-type-derogation-age', () => {
  it('does not apply without an age dérogation', () => {
    expect(run(rule, cerfaCoherent()).outcome).toBe('not-applicable');
  });

  it('accepts 11 under 16 and 12 over 29', () => {
    const quinze = variantesValides()['quinze-ans-college-acheve'];
    quinze.contrat.typeDerogation = 11;
    expect(run(rule, quinze).outcome).toBe('pass');
    const rqth = variantesValides()['rqth-40-ans-42-mois'];
    rqth.contrat.typeDerogation = 12;
    expect(run(rule, rqth).outcome).toBe('pass');
  });

  it('refuses 11 at 16 and 12 at 29', () => {
    const cerfa = cerfaCoherent();
    cerfa.apprenti.dateNaissance = '2009-09-01';
    cerfa.contrat.typeDerogation = 11;
    expect(run(rule, cerfa).outcome).toBe('fail');
    cerfa.apprenti.dateNaissance = '1995-09-02';
    cerfa.contrat.typeDerogation = 12;
    expect(run(rule, cerfa).outcome).toBe('fail');
  });

  it('fails on its plant at contrat.typeDerogation, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['contrat.typeDerogation']);
    expect(report.autresEchecs).toEqual([]);
  });
});
