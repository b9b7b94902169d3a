// Tests of eligibilite-duree-contrat (L6222-7-1).
import { describe, it, expect } from 'vitest';
import rule from './eligibilite-duree-contrat.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';
import { variantesValides } from '../testing/variants.js';
import type { Cerfa } from '../../model/payloads.js';

/** Contract starts 2025-09-01. */
function finLe(dateFinContrat: string, edit: (cerfa: Cerfa) => void = () => {}) {
  const cerfa = cerfaCoherent();
  cerfa.contrat.dateFinContrat = dateFinContrat;
  edit(cerfa);
  return run(rule, cerfa).outcome;
}

describe('eligibilite-duree-contrat', () => {
  it('accepts 6 months to 3 years, bounds included', () => {
    expect(finLe('2026-02-28')).toBe('pass');
    expect(finLe('2026-02-27')).toBe('fail');
    expect(finLe('2028-08-31')).toBe('pass');
    expect(finLe('2028-09-01')).toBe('fail');
  });

  it('allows 4 years with RQTH, and longer with dérogation 22 or a prolongation avenant', () => {
    expect(finLe('2029-08-31', (c) => (c.apprenti.handicap = true))).toBe('pass');
    expect(finLe('2029-09-01', (c) => (c.apprenti.handicap = true))).toBe('fail');
    expect(finLe('2029-08-31', (c) => (c.contrat.typeDerogation = 22))).toBe('pass');
    expect(finLe('2029-08-31', (c) => (c.contrat.typeContratApp = 33))).toBe('pass');
    expect(run(rule, variantesValides()['rqth-40-ans-42-mois']).outcome).toBe('pass');
  });

  it('fails on its plant (5 months) at contrat.dateFinContrat, alone in its areas, as a warning', () => {
    expect(run(rule, cerfaCoherent()).outcome).toBe('pass');
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['contrat.dateFinContrat']);
    expect(report.autresEchecs).toEqual([]);
    expect(rule.severity).toBe('avertissement');
  });
});
