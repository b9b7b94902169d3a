// Presence and closed-list checks shared by the CERFA rules; both allocate only when something is wrong.
import type { Violation } from '../rule.js';
import { estVide, lire, type Champ } from '../identifiants/champs.js';

/** Absent, null or blank fields among `requis`, appended to `out` (created when needed). */
export function manquants(payload: unknown, requis: readonly Champ[], out?: Violation[]): Violation[] | undefined {
  for (let i = 0; i < requis.length; i++) {
    const c = requis[i]!;
    const v = lire(payload, c);
    if (!estVide(v)) continue;
    (out ??= []).push({
      path: c.path,
      expected: 'champ renseigné',
      received: v === undefined || v === null ? 'absent' : 'vide',
      message: `Le champ ${c.path} est obligatoire`,
    });
  }
  return out;
}

/** Present values of `codes` that are not in `liste`; absent ones are the presence rules' business. */
export function horsListe(payload: unknown, codes: readonly Champ[], liste: ReadonlySet<unknown>, attendu: string): Violation[] | undefined {
  let out: Violation[] | undefined;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    const v = lire(payload, c);
    if (v === undefined || v === null || liste.has(v)) continue;
    (out ??= []).push({ path: c.path, expected: attendu, received: typeof v === 'number' ? String(v) : JSON.stringify(v) });
  }
  return out;
}

/** `[from..to]` as a set, for code lists written as ranges in the CERFA notice. */
export function plage(from: number, to: number, ...autres: number[]): ReadonlySet<number> {
  const s = new Set<number>(autres);
  for (let n = from; n <= to; n++) s.add(n);
  return s;
}
