// client-pause-avant-renvoi-apres-5xx: a resend 0 ms after a 5xx fails, one after the minimum pause or Retry-After passes.
import { describe, expect, it } from 'vitest';
import type { EchangeCfa } from '../../model/session.js';
import { T0_MS, avecEchanges, cerfaSession, echange, sessionValide } from '../fixtures/session-valide.js';
import rule from './client-pause-avant-renvoi-apres-5xx.js';

const depot = (apresMs: number, status = 201, numeroInterne = 'CFA-A', headers: Record<string, string> = {}): EchangeCfa =>
  echange({ method: 'POST', path: '/v2/dossiers', body: { cerfa: { ...cerfaSession(), numeroInterne } }, receivedAtMs: T0_MS + apresMs, response: { status, headers } });
const juger = (...echanges: EchangeCfa[]) => rule.check(avecEchanges(sessionValide(), echanges), {});

describe('client-pause-avant-renvoi-apres-5xx', () => {
  it('passes on the good session (resent 2 s after the 503) and fails on its plant (resent 0 ms after)', () => {
    expect(rule.check(sessionValide(), {})).toEqual({ outcome: 'pass' });
    expect(rule.check(rule.plant(sessionValide(), {}).payload, {})).toMatchObject({
      outcome: 'fail',
      violations: [{ path: 'echanges[2]', expected: "au plus tôt 1 s après l'erreur 503 de la requête #2 (pause minimale du banc)", received: '0 ms après' }],
    });
  });

  it('accepts a resend exactly one second after the 5xx, refuses one a millisecond earlier', () => {
    expect(juger(depot(0, 503), depot(1000))).toEqual({ outcome: 'pass' });
    expect(juger(depot(0, 500), depot(999)).outcome).toBe('fail');
  });

  it('follows Retry-After when the 5xx carries one', () => {
    expect(juger(depot(0, 503, 'CFA-A', { 'retry-after': '3' }), depot(2000)).outcome).toBe('fail');
    expect(juger(depot(0, 503, 'CFA-A', { 'retry-after': '3' }), depot(3000))).toEqual({ outcome: 'pass' });
    expect(juger(depot(0, 503, 'CFA-A', { 'retry-after': '0' }), depot(0))).toEqual({ outcome: 'pass' });
  });

  it('judges resends of the same request only: other contracts may follow at once', () => {
    expect(juger(depot(0, 503, 'CFA-A'), depot(10, 201, 'CFA-B'), depot(20, 201, 'CFA-C'), depot(1500, 201, 'CFA-A'))).toEqual({ outcome: 'pass' });
  });

  it('follows pauseApresErreurMs of the session', () => {
    const session = avecEchanges(sessionValide(), [depot(0, 503), depot(1500)]);
    expect(rule.check({ ...session, parametres: { ...session.parametres, pauseApresErreurMs: 2000 } }, {}).outcome).toBe('fail');
  });

  it('is not applicable without a 5xx, or without a resend after it', () => {
    expect(juger(depot(0)).outcome).toBe('not-applicable');
    expect(juger(depot(0, 503), depot(10, 201, 'CFA-B'))).toMatchObject({ outcome: 'not-applicable', reason: expect.stringContaining('aucune requête renvoyée') });
  });
});
