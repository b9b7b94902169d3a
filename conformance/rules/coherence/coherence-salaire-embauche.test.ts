// Tests of coherence-salaire-embauche.
import { describe, it, expect } from 'vitest';
import rule from './coherence-salaire-embauche.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';

describe('coherence-salaire-embauche', () => {
  it('passes within 1 € of the first line', () => {
    const cerfa = cerfaCoherent();
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.contrat.salaireEmbauche = 775.78;
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.contrat.salaireEmbauche = 775.8;
    expect(run(rule, cerfa).outcome).toBe('fail');
  });

  it('fails on its plant at contrat.salaireEmbauche, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['contrat.salaireEmbauche']);
    expect(report.autresEchecs).toEqual([]);
  });

  it('computes the first line pay from its rate and the SMIC at the start when it is not given', () => {
    const cerfa = cerfaCoherent();
    delete cerfa.contrat.remunerationsAnnuelles[0]!.salaireBrut;
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.contrat.salaireEmbauche = 700;
    expect(run(rule, cerfa).outcome).toBe('fail');
  });
});
