// client-facture-rejetee-corrigee: a refused invoice (played or real) resent unchanged fails; a corrected resend passes.
import { describe, expect, it } from 'vitest';
import type { EchangeCfa } from '../../model/session.js';
import { avecEchanges, corpsProbleme, echange, factureSession, sessionValide } from '../fixtures/session-valide.js';
import rule from './client-facture-rejetee-corrigee.js';

const refus = { status: 400, headers: {}, body: corpsProbleme('FACTURE_REJETEE', 400, 'La facture est rejetée', [{ code: 'FACTURE_DEJA_CONNUE', description: 'La facture est déjà connue' }]) };
const facture = (body: unknown, response: EchangeCfa['response']): EchangeCfa => echange({ method: 'POST', path: '/v2/factures', body, response });

describe('client-facture-rejetee-corrigee', () => {
  it('passes on the good session (refused by the play, corrected) and fails on its plant (resent unchanged)', () => {
    expect(rule.check(sessionValide(), {})).toEqual({ outcome: 'pass' });
    const planted = rule.plant(sessionValide(), {}).payload;
    const index = planted.echanges.findIndex((e, i) => i > 0 && e.operation === 'POST /factures' && e.response.status === 201);
    expect(rule.check(planted, {})).toMatchObject({
      outcome: 'fail',
      violations: [{ path: `echanges[${index}]`, received: `la même facture que la requête refusée #${index}`, expected: expect.stringContaining('(REFERENCE_FACTURE_REFUSEE sur referenceFactureCFA)') }],
    });
  });

  it("judges the engine's refusals too, and reports each unchanged resend once", () => {
    const body = factureSession();
    const result = rule.check(avecEchanges(sessionValide(), [facture(body, refus), facture(body, refus), facture(body, refus)]), {});
    expect(result.outcome === 'fail' && result.violations.map((v) => v.path)).toEqual(['echanges[1]', 'echanges[2]']);
  });

  it('is not applicable when no invoice was refused', () => {
    expect(rule.check(avecEchanges(sessionValide(), [facture(factureSession(), { status: 201, headers: {} })]), {}).outcome).toBe('not-applicable');
  });
});
