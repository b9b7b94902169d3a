// client-retry-after-respecte: delay-seconds and HTTP dates, the exact limit, a 429 without Retry-After, no 429 at all.
import { describe, expect, it } from 'vitest';
import type { EchangeCfa } from '../../model/session.js';
import { T0_MS, avecEchanges, echange, sessionValide } from '../fixtures/session-valide.js';
import rule from './client-retry-after-respecte.js';

const limite = (retryAfter?: string): EchangeCfa =>
  echange({ path: '/v2/dossiers', receivedAtMs: T0_MS, response: { status: 429, headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter } } });
const lecture = (apresMs: number, path = '/v2/dossiers'): EchangeCfa => echange({ path, receivedAtMs: T0_MS + apresMs });
const juger = (...echanges: EchangeCfa[]) => rule.check(avecEchanges(sessionValide(), echanges), {});

describe('client-retry-after-respecte', () => {
  it('passes on the good session and fails on its plant (retry after 0.5 s instead of 2 s)', () => {
    expect(rule.check(sessionValide(), {})).toEqual({ outcome: 'pass' });
    expect(rule.check(rule.plant(sessionValide(), {}).payload, {})).toMatchObject({
      outcome: 'fail',
      violations: [{ path: 'echanges[4]', expected: 'au plus tôt 2 s après la réponse 429 de la requête #4 (Retry-After : 2)', received: '0,5 s après' }],
    });
  });

  it('accepts a retry exactly at the end of the delay, refuses one a millisecond earlier', () => {
    expect(juger(limite('2'), lecture(2000))).toEqual({ outcome: 'pass' });
    expect(juger(limite('2'), lecture(1999)).outcome).toBe('fail');
  });

  it('reads Retry-After given as an HTTP date', () => {
    const date = new Date(T0_MS + 5000).toUTCString();
    expect(juger(limite(date), lecture(4000)).outcome).toBe('fail');
    expect(juger(limite(date), lecture(5000))).toEqual({ outcome: 'pass' });
  });

  it('judges only the next request of the same operation', () => {
    expect(juger(limite('2'), lecture(100, '/v2/factures/etats'), lecture(2500))).toEqual({ outcome: 'pass' });
  });

  it('cannot judge without a 429, without a readable Retry-After, or without a retry', () => {
    expect(juger(lecture(0)).outcome).toBe('not-applicable');
    expect(juger(limite(), lecture(10))).toMatchObject({ outcome: 'not-applicable', reason: 'aucune réponse 429 ne porte un en-tête Retry-After lisible' });
    expect(juger(limite('bientôt'), lecture(10)).outcome).toBe('not-applicable');
    expect(juger(limite('2'), lecture(10, '/v2/status'))).toMatchObject({ outcome: 'not-applicable', reason: expect.stringContaining('aucune nouvelle requête') });
  });
});
