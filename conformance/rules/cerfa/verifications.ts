// Closed-list checks shared by the CERFA rules (presence uses `requis` from ../support/champs.ts).
import type { Violation } from '../rule.js';

/** Appends a violation when `v` is present but not one of `liste`; absent values are the presence rules' business. */
export function dansListe(
  out: Violation[] | undefined,
  v: unknown,
  path: string,
  liste: ReadonlySet<unknown>,
  attendu: string,
): Violation[] | undefined {
  if (v === undefined || v === null || liste.has(v)) return out;
  (out ??= []).push({ path, expected: attendu, received: typeof v === 'number' ? String(v) : JSON.stringify(v) });
  return out;
}

/** `[from..to]` plus `autres` as a set, for code lists the CERFA notice writes as ranges. */
export function plage(from: number, to: number, ...autres: number[]): ReadonlySet<number> {
  const s = new Set<number>(autres);
  for (let n = from; n <= to; n++) s.add(n);
  return s;
}
