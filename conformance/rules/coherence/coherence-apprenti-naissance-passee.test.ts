// Tests of coherence-apprenti-naissance-passee (A1).
import { describe, it, expect } from 'vitest';
import rule from './coherence-apprenti-naissance-passee.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';

describe('coherence-apprenti-naissance-passee', () => {
  it('passes with a past birth date, and skips without a clock', () => {
    expect(run(rule, cerfaCoherent(), { today: '2025-08-25' }).outcome).toBe('pass');
    expect(run(rule, cerfaCoherent(), {}).outcome).toBe('skip');
  });

  it('fails on its plant at apprenti.dateNaissance, alone in its areas (age rules skip, NIR follows)', () => {
    const report = plantReport(rule, cerfaCoherent(), { today: '2025-08-25' });
    expect(paths(report.planted)).toEqual(['apprenti.dateNaissance']);
    expect(report.autresEchecs).toEqual([]);
    expect(report.plantedPayload.apprenti.dateNaissance).toBe('2025-08-26');
    expect(report.plantedPayload.apprenti.nir.slice(1, 5)).toBe('2508');
    expect(JSON.stringify(report.planted)).not.toContain('2025-08-26');
  });
});
