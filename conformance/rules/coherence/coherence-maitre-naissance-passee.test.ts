// Tests of coherence-maitre-naissance-passee (M1).
import { describe, it, expect } from 'vitest';
import rule from './coherence-maitre-naissance-passee.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';
import { variantesValides } from '../testing/variants.js';

const today = { today: '2025-08-25' };

describe('coherence-maitre-naissance-passee', () => {
  it('passes with past birth dates, and skips without a clock', () => {
    expect(run(rule, variantesValides()['deux-maitres'], today).outcome).toBe('pass');
    expect(run(rule, cerfaCoherent(), {}).outcome).toBe('skip');
  });

  it('fails on its plant at maitre1.dateNaissance, alone in its areas, bringing its own clock', () => {
    const report = plantReport(rule, cerfaCoherent(), {});
    expect(report.plantedContext.today).toBe('2025-08-20');
    expect(paths(report.planted)).toEqual(['maitre1.dateNaissance']);
    expect(report.autresEchecs).toEqual([]);
  });

  it('checks the second maître too, and never prints the birth date', () => {
    const cerfa = variantesValides()['deux-maitres'];
    cerfa.maitre2 = { ...cerfa.maitre2!, dateNaissance: '2026-01-01' };
    const result = run(rule, cerfa, today);
    expect(paths(result)).toEqual(['maitre2.dateNaissance']);
    expect(JSON.stringify(result)).not.toContain('2026-01-01');
  });
});
