// Tests of coherence-debut-formation-apres-conclusion (D4, with the trainee exception of L6222-12-1).
import { describe, it, expect } from 'vitest';
import rule from './coherence-debut-formation-apres-conclusion.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';
import { variantesValides } from '../testing/variants.js';

describe('coherence-debut-formation-apres-conclusion', () => {
  it('passes when the training starts after the conclusion', () => {
    expect(run(rule, cerfaCoherent()).outcome).toBe('pass');
  });

  it('fails on its plant at formation.dateDebutFormation, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['formation.dateDebutFormation']);
    expect(report.autresEchecs).toEqual([]);
  });

  it('does not apply to an apprentice already trained at the CFA before the contract (situations 7 and 8)', () => {
    const stagiaire = variantesValides()['stagiaire-avant-contrat'];
    expect(run(rule, stagiaire).outcome).toBe('not-applicable');
    stagiaire.apprenti.situationAvantContrat = 8;
    expect(run(rule, stagiaire).outcome).toBe('not-applicable');
    stagiaire.apprenti.situationAvantContrat = 1;
    expect(run(rule, stagiaire).outcome).toBe('fail');
  });
});
