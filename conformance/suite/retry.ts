// How long the suite waits before resending a request answered 429: the announced Retry-After, bounded (issue 13 §1).

/** At most this many resends of one request answered 429; then the step is skipped, not failed. */
export const MAX_RENVOIS_429 = 3;
/** Longest wait the suite grants one 429, whatever the server announces (and never more than --max-wait). */
export const ATTENTE_MAX_429_MS = 60_000;
/** Wait when a 429 announces no delay (the missing header is a finding of its own rule, not of the resend). */
export const ATTENTE_DEFAUT_429_MS = 1_000;

/** What the suite did with one 429: the header it read and how long it waited before resending. */
export interface Renvoi429 {
  retryAfter?: string;
  attenteMs: number;
}

/**
 * The wait a `Retry-After` value asks for (RFC 9110 §10.2.3: delay-seconds or an HTTP-date), capped at `capMs`;
 * absent or unreadable: the default wait.
 */
export function attenteRetryAfter(value: string | undefined, nowMs: number, capMs = ATTENTE_MAX_429_MS): number {
  const cap = (ms: number): number => Math.max(0, Math.min(Math.round(ms), capMs));
  const text = value?.trim();
  if (!text) return cap(ATTENTE_DEFAUT_429_MS);
  if (/^\d+(\.\d+)?$/.test(text)) return cap(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? cap(ATTENTE_DEFAUT_429_MS) : cap(date - nowMs);
}

/** The evidence note of the resends of one exchange, in French for the report's readers. */
export function noteRenvois(renvois: readonly Renvoi429[]): string {
  const detail = renvois.map((r) => `${r.retryAfter !== undefined ? `Retry-After ${r.retryAfter}` : 'sans Retry-After'} → ${(r.attenteMs / 1000).toFixed(1)} s`).join(', ');
  return `renvoyée ${renvois.length} fois après une réponse 429 (${detail})`;
}
