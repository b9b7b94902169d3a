// Helpers shared by the identifiant and cerfa rules: allocation-free checks for the pass path, path edits for plants.
import { fail, notApplicable, pass, type RuleResult, type Violation } from '../rule.js';

/** A payload field: its report path (`apprenti.nir`) and the keys to walk, split once. */
export interface Champ {
  readonly path: string;
  readonly keys: readonly string[];
}

export function champ(path: string): Champ {
  return { path, keys: path.split('.') };
}

export function champs(...paths: string[]): readonly Champ[] {
  return paths.map(champ);
}

/** The value at `c` or undefined when any step is missing; never throws on malformed payloads. */
export function lire(payload: unknown, c: Champ): unknown {
  let v: unknown = payload;
  const keys = c.keys;
  for (let i = 0; i < keys.length; i++) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[keys[i]!];
  }
  return v;
}

/** Deep copy then set `path` (creating intermediate objects) — for `plant`, which must not mutate its input. */
export function avec<T>(payload: T, path: string, value: unknown): T {
  const copy = structuredClone(payload);
  ecrire(copy, path, value);
  return copy;
}

/** Deep copy then delete `path`. */
export function sans<T>(payload: T, path: string): T {
  const copy = structuredClone(payload);
  const keys = path.split('.');
  let v: unknown = copy;
  for (let i = 0; i < keys.length - 1; i++) {
    if (v === null || typeof v !== 'object') return copy;
    v = (v as Record<string, unknown>)[keys[i]!];
  }
  if (v !== null && typeof v === 'object') delete (v as Record<string, unknown>)[keys[keys.length - 1]!];
  return copy;
}

/** Sets `path` in place; only for copies made by `avec`/`structuredClone` inside a plant. */
export function ecrire(target: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  let v = target as Record<string, unknown>;
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i]!;
    if (v[k] === null || typeof v[k] !== 'object') v[k] = {};
    v = v[k] as Record<string, unknown>;
  }
  v[keys[keys.length - 1]!] = value;
}

/** The first of `candidats` holding a non-empty string in `payload` (plants use it to pick what to break). */
export function premierRenseigne(payload: unknown, candidats: readonly Champ[]): Champ | undefined {
  for (const c of candidats) {
    const v = lire(payload, c);
    if (typeof v === 'string' && v !== '') return c;
  }
  return undefined;
}

/**
 * The one pass result, shared and frozen: rules return it instead of allocating (50 000 payloads/s budget).
 * Consumers must copy a result before adding to it.
 */
export const PASSE: RuleResult = Object.freeze(pass()) as RuleResult;

/** A shared, frozen not-applicable result, built once per rule. */
export function sansObjet(reason: string): RuleResult {
  return Object.freeze(notApplicable(reason)) as RuleResult;
}

/** Whether a string holds nothing but whitespace; only strings that start with a space pay for the trim. */
export function estBlanc(s: string): boolean {
  if (s.length === 0) return true;
  const c = s.charCodeAt(0);
  return (c === 32 || (c >= 9 && c <= 13) || c === 160 || c > 0x1fff) && s.trim() === '';
}

/** Appends a presence violation for `path` when `v` is absent, null or blank; returns the (possibly new) list. */
export function requis(out: Violation[] | undefined, v: unknown, path: string): Violation[] | undefined {
  if (v !== undefined && v !== null && (typeof v !== 'string' || !estBlanc(v))) return out;
  (out ??= []).push({
    path,
    expected: 'champ renseigné',
    received: v === undefined || v === null ? 'absent' : 'vide',
    message: `Le champ ${path} est obligatoire`,
  });
  return out;
}

/**
 * Appends `decrire(path, v)` when `v` is present but not a string that `valide` accepts. Absent or empty
 * values are the presence rules' business. Called with direct property reads so the pass path stays monomorphic.
 */
export function controle(
  out: Violation[] | undefined,
  v: unknown,
  path: string,
  valide: (s: string) => boolean,
  decrire: (path: string, recu: unknown) => Violation,
): Violation[] | undefined {
  if (v === undefined || v === null || v === '') return out;
  if (typeof v === 'string' && valide(v)) return out;
  (out ??= []).push(decrire(path, v));
  return out;
}

/** `fail` with the collected violations, or the shared pass. */
export function resultat(out: Violation[] | undefined): RuleResult {
  return out === undefined ? PASSE : fail(...out);
}

/** Personal blocks (apprentice, legal guardian, maîtres) whose values are described, never printed. */
export function estPersonnel(path: string): boolean {
  return path.startsWith('apprenti.') || path.startsWith('maitre');
}

/** What a report may say about a received value: the value for company data, its shape for personal data. */
export function recu(path: string, v: unknown): string {
  if (typeof v !== 'string') return `${typeof v} (texte attendu)`;
  return estPersonnel(path) ? `valeur de ${v.length} caractère(s)` : v;
}

/** The string at `c`, or '' when absent or not a string. */
export function texte(payload: unknown, c: Champ): string {
  const v = lire(payload, c);
  return typeof v === 'string' ? v : '';
}

/** For plants: the first non-empty field of `candidats`, or an error naming the rule whose fixture lacks it. */
export function cible(ruleId: string, payload: unknown, candidats: readonly Champ[]): Champ {
  const c = premierRenseigne(payload, candidats);
  if (!c) throw new Error(`${ruleId}: the valid payload has none of ${candidats.map((x) => x.path).join(', ')}`);
  return c;
}
