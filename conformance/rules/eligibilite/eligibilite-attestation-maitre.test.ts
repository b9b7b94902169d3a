// Tests of eligibilite-attestation-maitre (R6223-22).
import { describe, it, expect } from 'vitest';
import rule from './eligibilite-attestation-maitre.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';

describe('eligibilite-attestation-maitre', () => {
  it('passes when the employer attests the maître’s eligibility', () => {
    expect(run(rule, cerfaCoherent()).outcome).toBe('pass');
  });

  it('fails on its plant at employeur.attestationEligibilite, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['employeur.attestationEligibilite']);
    expect(report.autresEchecs).toEqual([]);
  });
});
