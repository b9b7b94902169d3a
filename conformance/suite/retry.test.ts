// The wait before resending a request answered 429: Retry-After in seconds or as an HTTP-date, capped, defaulted.
import { describe, expect, it } from 'vitest';
import { ATTENTE_DEFAUT_429_MS, attenteRetryAfter, noteRenvois } from './retry.js';

describe('attenteRetryAfter', () => {
  const now = Date.parse('2026-01-05T10:00:00Z');

  it('reads delay-seconds and HTTP-dates', () => {
    expect(attenteRetryAfter('2', now)).toBe(2000);
    expect(attenteRetryAfter(' 0 ', now)).toBe(0);
    expect(attenteRetryAfter('Mon, 05 Jan 2026 10:00:03 GMT', now)).toBe(3000);
    expect(attenteRetryAfter('Mon, 05 Jan 2026 09:59:00 GMT', now)).toBe(0); // already past
  });

  it('caps the wait and defaults an absent or unreadable value', () => {
    expect(attenteRetryAfter('3600', now)).toBe(60_000);
    expect(attenteRetryAfter('3600', now, 5_000)).toBe(5_000);
    expect(attenteRetryAfter(undefined, now)).toBe(ATTENTE_DEFAUT_429_MS);
    expect(attenteRetryAfter('bientôt', now)).toBe(ATTENTE_DEFAUT_429_MS);
  });

  it('notes the resends for the evidence', () => {
    expect(noteRenvois([{ retryAfter: '1', attenteMs: 1000 }, { attenteMs: 1000 }])).toBe('renvoyée 2 fois après une réponse 429 (Retry-After 1 → 1.0 s, sans Retry-After → 1.0 s)');
  });
});
