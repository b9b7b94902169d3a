// Tests of eligibilite-age-minimum (L6222-1): exactly 16, 15 after the collège, 14.
import { describe, it, expect } from 'vitest';
import rule from './eligibilite-age-minimum.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';
import { variantesValides } from '../testing/variants.js';

/** Contract starts 2025-09-01: a birth date gives the age on that day. */
function nePar(dateNaissance: string, derniereClasse = 1) {
  const cerfa = cerfaCoherent();
  cerfa.apprenti.dateNaissance = dateNaissance;
  cerfa.apprenti.derniereClasse = derniereClasse;
  return run(rule, cerfa).outcome;
}

describe('eligibilite-age-minimum', () => {
  it('passes at exactly 16 on the start date and fails the day before', () => {
    expect(nePar('2009-09-01', 41)).toBe('pass');
    expect(nePar('2009-09-02', 41)).toBe('fail');
  });

  it('accepts 15 when the collège is completed (40, or a later cycle) and refuses it otherwise', () => {
    expect(nePar('2010-08-31', 40)).toBe('pass');
    expect(nePar('2010-08-31', 11)).toBe('pass');
    expect(nePar('2010-08-31', 41)).toBe('fail');
    expect(nePar('2010-08-31', 42)).toBe('fail');
    expect(run(rule, variantesValides()['quinze-ans-college-acheve']).outcome).toBe('pass');
  });

  it('refuses 14 even after the collège', () => {
    expect(nePar('2011-08-31', 40)).toBe('fail');
  });

  it('fails on its plant at apprenti.dateNaissance, alone in its areas', () => {
    expect(run(rule, cerfaCoherent()).outcome).toBe('pass');
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['apprenti.dateNaissance']);
    expect(report.autresEchecs).toEqual([]);
  });

  it('skips a birth date in the future (reported by coherence-apprenti-naissance-passee)', () => {
    const cerfa = cerfaCoherent();
    cerfa.apprenti.dateNaissance = '2030-01-01';
    expect(run(rule, cerfa, { today: '2025-08-25' }).outcome).toBe('skip');
    expect(run(rule, cerfa, {}).outcome).toBe('fail');
  });
});
