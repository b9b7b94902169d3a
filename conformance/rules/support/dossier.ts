// The payload the engine is judging: values derived from it are computed once and shared by its rules while they run.
//
// The engine opens a dossier before running a payload's rules and closes it after; rules never mutate their payload,
// so inside that window a value derived from it cannot go stale and needs no re-check. A rule called on its own
// (tests, plants) finds no open dossier and takes the helpers' checked, cached path instead.

/** Per-payload values, filled lazily by the helpers that own them (facts.ts, membres.ts). */
export interface Dossier {
  readonly payload: object;
  /** Member paths the spec does not know, found while the engine read the deposit body (depot-cerfa.ts). */
  readonly membresNonPrevus: readonly string[] | undefined;
  /** Owned by facts.ts. */
  facts: unknown;
  /** Owned by facts.ts: the remuneration lines' parsed dates, with the array they were read from. */
  lignes: unknown;
  lignesDe: object | undefined;
}

let courant: Dossier | undefined;

/**
 * Runs `judge` with `payload` as the open dossier; the one open before is restored after (a rule may evaluate
 * another payload). `membresNonPrevus` is what reading the body already found, when it was read.
 */
export function avecDossier<T>(payload: unknown, membresNonPrevus: readonly string[] | undefined, judge: () => T): T {
  if (payload === null || typeof payload !== 'object') return judge();
  const avant = courant;
  courant = { payload, membresNonPrevus, facts: undefined, lignes: undefined, lignesDe: undefined };
  try {
    return judge();
  } finally {
    courant = avant;
  }
}

/** The open dossier when `payload` is the one being judged. */
export function dossierDe(payload: unknown): Dossier | undefined {
  return courant !== undefined && courant.payload === payload ? courant : undefined;
}
