// Reads a CERFA deposit body as real software sends it (`{"cerfa": …}`, date-times, numeroInterne here or there) into the Cerfa the rules judge.
import type { Cerfa, DepotCerfa } from './payloads.js';

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
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A date-time with an optional offset: `2026-09-01T00:00:00+00:00`, `…Z`, `…+0000`, `…T00:00`. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** The date part of a date-time (`2026-09-01T00:00:00+00:00` → `2026-09-01`); any other value unchanged. */
export function partieDate<T>(value: T): T {
  return typeof value === 'string' && value.length > 10 && value.charCodeAt(10) === 84 /* T */ && DATE_TIME.test(value)
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
  let cerfa = datesEnPartieDate(brut);
  const dansCerfa = numero(isObject(brut) ? brut.numeroInterne : undefined);
  const aLaRacine = enveloppe ? numero((body as DepotCerfa).numeroInterne) : undefined;
  const placement: PlacementNumeroInterne = dansCerfa !== undefined ? 'cerfa' : aLaRacine !== undefined ? 'racine' : 'absent';
  if (dansCerfa === undefined && aLaRacine !== undefined) cerfa = { ...cerfa, numeroInterne: aLaRacine };
  const lu: DepotCerfaLu = { cerfa, enveloppe, placement };
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
