// Reads a CERFA deposit body as real software sends it (`{"cerfa": …}`, date-times, numeroInterne here or there) into the Cerfa the rules judge.
import type { Cerfa, DepotCerfa } from './payloads.js';
import { MEMBRES_CERFA, type Membre, type MembresConnus } from './membres-cerfa.js';

/** Where the CFA's number travelled: inside `cerfa` (our choice), beside it at the body's root, or nowhere. */
export type PlacementNumeroInterne = 'cerfa' | 'racine' | 'absent';

export interface DepotCerfaLu {
  /** The CERFA with every date-time cut to its date part and `numeroInterne` where the rules look for it. */
  cerfa: Cerfa;
  /** true when the body was the `{"cerfa": …}` wrapper (violation paths are then prefixed with `cerfa.`). */
  enveloppe: boolean;
  placement: PlacementNumeroInterne;
  /** Both placements carried a number and they differ: the deposit is ambiguous. */
  conflit?: { cerfa: string; racine: string };
  /** The CERFA's members the spec does not know, as `membresNonPrevus` names them (found in the same walk). */
  membresNonPrevus: string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const isDigit = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};
const twoDigits = (s: string, i: number): boolean => isDigit(s, i) && isDigit(s, i + 1);

/**
 * A date-time with an optional offset: `2026-09-01T00:00:00+00:00`, `…Z`, `…+0000`, `…T00:00`; scanned, as
 * `^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$` would match (a regex costs
 * several times more, on every date of every record `validate` reads).
 */
function estDateHeure(s: string): boolean {
  const n = s.length;
  if (n < 16 || !twoDigits(s, 0) || !twoDigits(s, 2) || s.charCodeAt(4) !== 45 || !twoDigits(s, 5) || s.charCodeAt(7) !== 45) return false;
  if (!twoDigits(s, 8) || s.charCodeAt(10) !== 84 || !twoDigits(s, 11) || s.charCodeAt(13) !== 58 || !twoDigits(s, 14)) return false;
  let i = 16;
  if (s.charCodeAt(i) === 58) {
    if (!twoDigits(s, i + 1)) return false;
    i += 3;
    if (s.charCodeAt(i) === 46) {
      const from = ++i;
      while (i < n && i - from < 9 && isDigit(s, i)) i++;
      if (i === from) return false;
    }
  }
  if (i === n) return true;
  const c = s.charCodeAt(i);
  if (c === 90) return i + 1 === n;
  if (c !== 43 && c !== 45) return false;
  if (!twoDigits(s, i + 1)) return false;
  i += 3;
  if (s.charCodeAt(i) === 58) i++;
  return twoDigits(s, i) && i + 2 === n;
}

/** The date part of a date-time (`2026-09-01T00:00:00+00:00` → `2026-09-01`); any other value unchanged. */
export function partieDate<T>(value: T): T {
  return typeof value === 'string' && value.length > 10 && value.charCodeAt(10) === 84 /* T */ && estDateHeure(value)
    ? (value.slice(0, 10) as T)
    : value;
}

/**
 * The value with every date-time string cut to its date, copied only where something changed (most bodies
 * already use `YYYY-MM-DD`, and then the input object itself comes back).
 */
export function datesEnPartieDate<T>(value: T): T {
  if (typeof value === 'string') return partieDate(value);
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const next = datesEnPartieDate(item);
      if (next !== item) (copy ??= value.slice())[i] = next;
    }
    return (copy ?? value) as T;
  }
  if (isObject(value)) {
    let copy: Record<string, unknown> | undefined;
    for (const key in value) {
      const item = value[key];
      const next = datesEnPartieDate(item);
      if (next !== item) (copy ??= { ...value })[key] = next;
    }
    return (copy ?? value) as T;
  }
  return value;
}

/**
 * `datesEnPartieDate` and `membresNonPrevus` (membres-cerfa.ts) in one walk: the tree of known members guides it,
 * and each unknown member's path is pushed to `inconnus` (paths are built only for those). Every record `validate`
 * reads goes through here, so the body is walked once rather than once per purpose.
 */
function lireMembres(value: Record<string, unknown>, connus: MembresConnus, prefixe: string, inconnus: string[]): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key in value) {
    const item = value[key];
    const membre = connus[key]; // no prototype: `constructor` is unknown too
    let next: unknown;
    if (membre === true) next = typeof item === 'string' ? partieDate(item) : item !== null && typeof item === 'object' ? datesEnPartieDate(item) : item;
    else if (membre === undefined) {
      inconnus.push(prefixe === '' ? key : `${prefixe}.${key}`);
      next = datesEnPartieDate(item);
    } else if (Array.isArray(membre)) next = Array.isArray(item) ? lireListe(item, membre[0], prefixe === '' ? key : `${prefixe}.${key}`, inconnus) : datesEnPartieDate(item);
    else next = isObject(item) ? lireMembres(item, membre, prefixe === '' ? key : `${prefixe}.${key}`, inconnus) : datesEnPartieDate(item);
    if (next !== item) (copy ??= { ...value })[key] = next;
  }
  return copy ?? value;
}

function lireListe(items: unknown[], connus: MembresConnus, path: string, inconnus: string[]): unknown[] {
  let copy: unknown[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const next = isObject(item) ? lireMembres(item, connus, `${path}[${i}]`, inconnus) : datesEnPartieDate(item);
    if (next !== item) (copy ??= items.slice())[i] = next;
  }
  return copy ?? items;
}

/** The tree of known members without prototypes, so that a lookup needs no own-property check (faster). */
function sansPrototype(connus: MembresConnus): MembresConnus {
  const out = Object.create(null) as Record<string, Membre>;
  for (const key of Object.keys(connus)) {
    const membre = connus[key]!;
    out[key] = membre === true ? true : Array.isArray(membre) ? [sansPrototype(membre[0])] : sansPrototype(membre as MembresConnus);
  }
  return out;
}

const CONNUS = sansPrototype(MEMBRES_CERFA);

/** true for a deposit body wrapped the way real software sends it. */
export function estEnveloppeCerfa(body: unknown): body is DepotCerfa {
  return isObject(body) && isObject(body.cerfa);
}

const numero = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Reads a deposit body. The wrapped form is the wire's; a bare CERFA (the inner object alone) is accepted too, as
 * payload files often hold one. The number found at the root is copied into the CERFA so every rule reads one place.
 */
export function lireDepotCerfa(body: unknown): DepotCerfaLu {
  const enveloppe = estEnveloppeCerfa(body);
  const brut = (enveloppe ? body.cerfa : body) as Cerfa;
  const membresNonPrevus: string[] = [];
  let cerfa = isObject(brut) ? (lireMembres(brut, CONNUS, '', membresNonPrevus) as unknown as Cerfa) : datesEnPartieDate(brut);
  const dansCerfa = numero(isObject(brut) ? brut.numeroInterne : undefined);
  const aLaRacine = enveloppe ? numero((body as DepotCerfa).numeroInterne) : undefined;
  const placement: PlacementNumeroInterne = dansCerfa !== undefined ? 'cerfa' : aLaRacine !== undefined ? 'racine' : 'absent';
  if (dansCerfa === undefined && aLaRacine !== undefined) cerfa = { ...cerfa, numeroInterne: aLaRacine };
  const lu: DepotCerfaLu = { cerfa, enveloppe, placement, membresNonPrevus };
  if (dansCerfa !== undefined && aLaRacine !== undefined && dansCerfa !== aLaRacine) lu.conflit = { cerfa: dansCerfa, racine: aLaRacine };
  return lu;
}

/** The deposit body as the wire carries it, from a CERFA (what generators, examples and the simulated client send). */
export function enveloppeCerfa(cerfa: Cerfa): DepotCerfa {
  return { cerfa };
}

/** How a read model writes its dates: `date` (`2026-09-01`) or `date-time` (`2026-09-01T00:00:00Z`, AKTO's). */
export type FormeDate = 'date' | 'date-time';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The value with every date under a member whose name starts with `date` written in `forme`. Members that are
 * not dates by name are left alone even when they look like one (a free text may).
 */
export function datesEnForme<T>(value: T, forme: FormeDate): T {
  if (forme === 'date') return datesEnPartieDate(value);
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isObject(node)) return node;
    const out: Record<string, unknown> = {};
    for (const key in node) {
      const item = node[key];
      out[key] = key.startsWith('date') && typeof item === 'string' && DATE_ONLY.test(item) ? `${item}T00:00:00Z` : walk(item);
    }
    return out;
  };
  return walk(value) as T;
}
