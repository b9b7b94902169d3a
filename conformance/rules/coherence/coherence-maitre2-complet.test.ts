// Tests of coherence-maitre2-complet (M3).
import { describe, it, expect } from 'vitest';
import rule from './coherence-maitre2-complet.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';
import { variantesValides } from '../testing/variants.js';

describe('coherence-maitre2-complet', () => {
  it('passes with a complete second maître, and does not apply without one', () => {
    expect(run(rule, variantesValides()['deux-maitres']).outcome).toBe('pass');
    expect(run(rule, cerfaCoherent()).outcome).toBe('not-applicable');
  });

  it('fails on its plant at maitre2.prenom, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['maitre2.prenom']);
    expect(report.autresEchecs).toEqual([]);
  });

  it('accepts an entirely empty second maître and lists every missing field otherwise', () => {
    const cerfa = cerfaCoherent();
    cerfa.maitre2 = { nom: '', prenom: ' ', dateNaissance: '' };
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.maitre2 = { nom: 'BERNARD', prenom: '', dateNaissance: '' };
    expect(paths(run(rule, cerfa))).toEqual(['maitre2.prenom', 'maitre2.dateNaissance']);
  });
});
