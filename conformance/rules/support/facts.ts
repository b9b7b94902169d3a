// The dates of a CERFA parsed once per payload and shared by every coherence and eligibility rule.
import { ageAt, parseIsoDate, type Ymd } from '../../remuneration/calendar.js';
import type { Cerfa } from '../../model/payloads.js';
import type { RuleContext } from '../rule.js';

export interface CerfaFacts {
  conclusion: Ymd | undefined;
  debutContrat: Ymd | undefined;
  finContrat: Ymd | undefined;
  debutFormationPratique: Ymd | undefined;
  effetAvenant: Ymd | undefined;
  debutFormation: Ymd | undefined;
  finFormation: Ymd | undefined;
  naissance: Ymd | undefined;
  maitre1Naissance: Ymd | undefined;
  maitre2Naissance: Ymd | undefined;
  /** Apprentice's age in whole years at dateDebutContrat. */
  ageDebut: number | undefined;
  /** Apprentice's age in whole years at dateConclusion. */
  ageConclusion: number | undefined;
  /** Values derived from these facts only, memoised by `memo` (dropped with the facts when a date changes). */
  readonly derived: Map<string, unknown>;
}

/** The raw strings the facts were computed from, to detect a payload edited in place after a first check. */
class Entry {
  constructor(
    readonly conclusion: unknown,
    readonly debutContrat: unknown,
    readonly finContrat: unknown,
    readonly pratique: unknown,
    readonly effet: unknown,
    readonly debutFormation: unknown,
    readonly finFormation: unknown,
    readonly naissance: unknown,
    readonly maitre1: unknown,
    readonly maitre2: unknown,
    readonly facts: CerfaFacts,
  ) {}

  matches(cerfa: Cerfa): boolean {
    const c = cerfa.contrat;
    const f = cerfa.formation;
    return (
      this.conclusion === c?.dateConclusion &&
      this.debutContrat === c?.dateDebutContrat &&
      this.finContrat === c?.dateFinContrat &&
      this.pratique === c?.dateFormationPratiqueEmployeur &&
      this.effet === c?.dateEffetAvenant &&
      this.debutFormation === f?.dateDebutFormation &&
      this.finFormation === f?.dateFinFormation &&
      this.naissance === cerfa.apprenti?.dateNaissance &&
      this.maitre1 === cerfa.maitre1?.dateNaissance &&
      this.maitre2 === cerfa.maitre2?.dateNaissance
    );
  }
}

function compute(cerfa: Cerfa): Entry {
  const c = cerfa.contrat;
  const f = cerfa.formation;
  const raw = [
    c?.dateConclusion,
    c?.dateDebutContrat,
    c?.dateFinContrat,
    c?.dateFormationPratiqueEmployeur,
    c?.dateEffetAvenant,
    f?.dateDebutFormation,
    f?.dateFinFormation,
    cerfa.apprenti?.dateNaissance,
    cerfa.maitre1?.dateNaissance,
    cerfa.maitre2?.dateNaissance,
  ] as const;
  const [conclusion, debutContrat, finContrat, pratique, effet, debutFormation, finFormation, naissance, m1, m2] = raw.map(parseIsoDate);
  const facts: CerfaFacts = {
    conclusion,
    debutContrat,
    finContrat,
    debutFormationPratique: pratique,
    effetAvenant: effet,
    debutFormation,
    finFormation,
    naissance,
    maitre1Naissance: m1,
    maitre2Naissance: m2,
    ageDebut: naissance !== undefined && debutContrat !== undefined ? ageAt(naissance, debutContrat) : undefined,
    ageConclusion: naissance !== undefined && conclusion !== undefined ? ageAt(naissance, conclusion) : undefined,
    derived: new Map(),
  };
  return new Entry(...raw, facts);
}

const cache = new WeakMap<object, Entry>();
// The rules of a catalogue run one after the other on the same payload: remember the last one outside the WeakMap.
let lastCerfa: object | undefined;
let lastEntry: Entry | undefined;

/**
 * Parsed dates of `cerfa`, computed once per payload object. The cache re-checks the source strings, so a
 * payload edited in place after a first check is parsed again rather than judged on stale dates.
 */
export function factsOf(cerfa: Cerfa): CerfaFacts {
  let entry = cerfa === lastCerfa ? lastEntry : cache.get(cerfa);
  if (!entry || !entry.matches(cerfa)) {
    entry = compute(cerfa);
    cache.set(cerfa, entry);
  }
  lastCerfa = cerfa;
  lastEntry = entry;
  return entry.facts;
}

/** Per-payload memo of a value derived only from the facts. */
export function memo<T>(facts: CerfaFacts, key: string, compute: (facts: CerfaFacts) => T): T {
  const map = facts.derived;
  if (map.has(key)) return map.get(key) as T;
  const value = compute(facts);
  map.set(key, value);
  return value;
}

/** Today on the judging clock, when the context gives one. */
export function todayOf(context: RuleContext): Ymd | undefined {
  return parseIsoDate(context.today);
}

/**
 * True when the apprentice's birth date lies after today: `coherence-apprenti-naissance-passee` reports it, and
 * the age-based rules skip rather than report the same error again as an age problem.
 */
export function naissanceApprentiFuture(facts: CerfaFacts, context: RuleContext): boolean {
  const today = todayOf(context);
  return today !== undefined && facts.naissance !== undefined && facts.naissance > today;
}

export const SKIP_NAISSANCE_FUTURE = "date de naissance de l'apprenti postérieure à la date du jour (voir coherence-apprenti-naissance-passee)";

/** Parsed dates of one remuneration line (undefined when unreadable). */
export interface LigneLue {
  debut: Ymd | undefined;
  fin: Ymd | undefined;
}

interface LignesEntry {
  raw: unknown[];
  lues: LigneLue[];
}

const lignesCache = new WeakMap<object, LignesEntry>();

/**
 * The remuneration lines' dates parsed once per lines array (re-parsed if a date string changed in place), in the
 * payload's order.
 */
let lastLignes: object | undefined;
let lastLignesEntry: LignesEntry | undefined;

export function lignesLues(lignes: readonly { dateDebut?: unknown; dateFin?: unknown }[]): LigneLue[] {
  const entry = lignes === lastLignes ? lastLignesEntry : lignesCache.get(lignes);
  if (entry && entry.raw.length === lignes.length * 2) {
    let fresh = true;
    for (let i = 0; i < lignes.length && fresh; i++) {
      fresh = entry.raw[2 * i] === lignes[i]?.dateDebut && entry.raw[2 * i + 1] === lignes[i]?.dateFin;
    }
    if (fresh) {
      lastLignes = lignes;
      lastLignesEntry = entry;
      return entry.lues;
    }
  }
  const raw: unknown[] = [];
  const lues: LigneLue[] = [];
  for (const ligne of lignes) {
    raw.push(ligne?.dateDebut, ligne?.dateFin);
    lues.push({ debut: parseIsoDate(ligne?.dateDebut), fin: parseIsoDate(ligne?.dateFin) });
  }
  const fresh = { raw, lues };
  lignesCache.set(lignes, fresh);
  lastLignes = lignes;
  lastLignesEntry = fresh;
  return lues;
}
