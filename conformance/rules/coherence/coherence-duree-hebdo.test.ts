// Tests of coherence-duree-hebdo (W1).
import { describe, it, expect } from 'vitest';
import rule from './coherence-duree-hebdo.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';

function hebdo(heures: number, minutes?: number) {
  const cerfa = cerfaCoherent();
  cerfa.contrat.dureeTravailHebdoHeures = heures;
  if (minutes === undefined) delete cerfa.contrat.dureeTravailHebdoMinutes;
  else cerfa.contrat.dureeTravailHebdoMinutes = minutes;
  return run(rule, cerfa).outcome;
}

describe('coherence-duree-hebdo', () => {
  it('passes up to 40 h exactly', () => {
    expect(hebdo(35, 0)).toBe('pass');
    expect(hebdo(39, 59)).toBe('pass');
    expect(hebdo(40)).toBe('pass');
    expect(hebdo(0, 30)).toBe('pass');
  });

  it('fails over 40 h, at 0 h and with impossible minutes', () => {
    expect(hebdo(40, 1)).toBe('fail');
    expect(hebdo(41, 0)).toBe('fail');
    expect(hebdo(0, 0)).toBe('fail');
    expect(hebdo(35, 60)).toBe('fail');
  });

  it('fails on its plant at contrat.dureeTravailHebdoHeures, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['contrat.dureeTravailHebdoHeures']);
    expect(report.autresEchecs).toEqual([]);
  });
});
