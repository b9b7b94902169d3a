// client-version-declaree: requests in another version than the declared one are reported; no declaration, no judgement.
import { describe, expect, it } from 'vitest';
import { avecEchanges, echange, sessionValide } from '../fixtures/session-valide.js';
import rule from './client-version-declaree.js';

describe('client-version-declaree', () => {
  it('passes on the good session and fails on its plant (GET /v1/status in a v2 session)', () => {
    expect(rule.check(sessionValide(), {})).toEqual({ outcome: 'pass' });
    const planted = rule.plant(sessionValide(), {}).payload;
    expect(planted.echanges[0]!.path).toBe('/v1/status');
    expect(rule.check(planted, {})).toMatchObject({ outcome: 'fail', violations: [{ path: 'echanges[0].path', expected: 'un chemin en /v2', received: '/v1' }] });
  });

  it('is not applicable without a declared version, and ignores unversioned requests', () => {
    const { version: _v, ...sansVersion } = rule.plant(sessionValide(), {}).payload;
    expect(rule.check(sansVersion, {}).outcome).toBe('not-applicable');
    expect(rule.check(avecEchanges(sessionValide(), [echange({ path: '/oauth/token', method: 'POST' })]), {})).toEqual({ outcome: 'pass' });
  });
});
