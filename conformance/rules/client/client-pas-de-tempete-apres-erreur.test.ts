// client-pas-de-tempete-apres-erreur: the storm threshold and window of the session's parameters, exactly at and above the limit.
import { describe, expect, it } from 'vitest';
import type { EchangeCfa } from '../../model/session.js';
import { T0_MS, avecEchanges, echange, sessionValide } from '../fixtures/session-valide.js';
import rule from './client-pas-de-tempete-apres-erreur.js';

const depot = (apresMs: number, status = 503): EchangeCfa => echange({ method: 'POST', path: '/v2/dossiers', receivedAtMs: T0_MS + apresMs, response: { status, headers: {} } });
const juger = (...echanges: EchangeCfa[]) => rule.check(avecEchanges(sessionValide(), echanges), {});

describe('client-pas-de-tempete-apres-erreur', () => {
  it('passes on the good session and fails once on its plant (the excess resend)', () => {
    expect(rule.check(sessionValide(), {})).toEqual({ outcome: 'pass' });
    const result = rule.check(rule.plant(sessionValide(), {}).payload, {});
    expect(result).toMatchObject({ outcome: 'fail', violations: [{ path: 'echanges[5]', received: '4 renvois en 2 s' }] });
  });

  it('allows exactly tempeteMaxRenvois resends in the window, not one more', () => {
    // Default parameters: 3 resends within 10 s.
    expect(juger(depot(0), depot(1000, 201), depot(2000, 409), depot(3000, 409))).toEqual({ outcome: 'pass' });
    expect(juger(depot(0), depot(1000, 201), depot(2000, 409), depot(3000, 409), depot(4000, 409)).outcome).toBe('fail');
  });

  it('counts a resend exactly at the end of the window, not one after it, nor other operations', () => {
    const autres = [echange({ receivedAtMs: T0_MS + 100 }), echange({ receivedAtMs: T0_MS + 200 })];
    expect(juger(depot(0), ...autres, depot(1000, 201), depot(2000, 409), depot(3000, 409), depot(10_000, 409)).outcome).toBe('fail');
    expect(juger(depot(0), ...autres, depot(1000, 201), depot(2000, 409), depot(3000, 409), depot(10_001, 409))).toEqual({ outcome: 'pass' });
  });

  it("follows the session's parameters", () => {
    const session = avecEchanges(sessionValide(), [depot(0), depot(100, 201)]);
    expect(rule.check({ ...session, parametres: { tempeteMaxRenvois: 0, fenetreTempeteMs: 1000 } }, {}).outcome).toBe('fail');
    expect(rule.check({ ...session, parametres: { tempeteMaxRenvois: 0, fenetreTempeteMs: 50 } }, {})).toEqual({ outcome: 'pass' });
  });

  it('is not applicable without a server error', () => {
    expect(juger(depot(0, 201)).outcome).toBe('not-applicable');
  });
});
