// The dates of a CERFA parsed once per payload and shared by every coherence and eligibility rule.
import { ageAt, parseIsoDate, type Ymd } from '../../remuneration/calendar.js';
import type { Cerfa } from '../../model/payloads.js';
import type { RuleContext } from '../rule.js';
import { dossierDe } from './dossier.js';

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

function computeFacts(cerfa: Cerfa): CerfaFacts {
  const c = cerfa.contrat;
  const f = cerfa.formation;
  const conclusion = parseIsoDate(c?.dateConclusion);
  const debutContrat = parseIsoDate(c?.dateDebutContrat);
  const naissance = parseIsoDate(cerfa.apprenti?.dateNaissance);
  return {
    conclusion,
    debutContrat,
    finContrat: parseIsoDate(c?.dateFinContrat),
    debutFormationPratique: parseIsoDate(c?.dateFormationPratiqueEmployeur),
    effetAvenant: parseIsoDate(c?.dateEffetAvenant),
    debutFormation: parseIsoDate(f?.dateDebutFormation),
    finFormation: parseIsoDate(f?.dateFinFormation),
    naissance,
    maitre1Naissance: parseIsoDate(cerfa.maitre1?.dateNaissance),
    maitre2Naissance: parseIsoDate(cerfa.maitre2?.dateNaissance),
    ageDebut: naissance !== undefined && debutContrat !== undefined ? ageAt(naissance, debutContrat) : undefined,
    ageConclusion: naissance !== undefined && conclusion !== undefined ? ageAt(naissance, conclusion) : undefined,
    derived: new Map(),
  };
}

function compute(cerfa: Cerfa): Entry {
  const c = cerfa.contrat;
  const f = cerfa.formation;
  return new Entry(
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
    computeFacts(cerfa),
  );
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
  // The payload the engine is judging: no re-check, no WeakMap (whose entries cost every garbage collection).
  const dossier = dossierDe(cerfa);
  if (dossier !== undefined) return (dossier.facts ??= computeFacts(cerfa)) as CerfaFacts;
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

// Every record of a run usually carries the same judging date: the last one read is kept.
let lastToday: unknown;
let lastTodayValue: Ymd | undefined;

/** Today on the judging clock, when the context gives one. */
export function todayOf(context: RuleContext): Ymd | undefined {
  const raw = context.today;
  if (raw !== lastToday) {
    lastTodayValue = parseIsoDate(raw);
    lastToday = raw;
  }
  return lastTodayValue;
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

let lastLignes: object | undefined;
let lastLignesEntry: LignesEntry | undefined;

/**
 * The remuneration lines' dates parsed once per lines array (re-parsed if a date string changed in place), in the
 * payload's order. `cerfa` is the payload they belong to: while the engine judges it, its dossier holds them.
 */
export function lignesLues(lignes: readonly { dateDebut?: unknown; dateFin?: unknown }[], cerfa?: Cerfa): LigneLue[] {
  // Inside the engine's dossier the lines cannot change while its rules run: read once, never re-checked.
  const dossier = cerfa === undefined ? undefined : dossierDe(cerfa);
  if (dossier !== undefined) {
    if (dossier.lignesDe !== lignes) {
      dossier.lignes = lire(lignes);
      dossier.lignesDe = lignes;
    }
    return dossier.lignes as LigneLue[];
  }
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
  for (const ligne of lignes) raw.push(ligne?.dateDebut, ligne?.dateFin);
  const fresh = { raw, lues: lire(lignes) };
  lignesCache.set(lignes, fresh);
  lastLignes = lignes;
  lastLignesEntry = fresh;
  return fresh.lues;
}

function lire(lignes: readonly { dateDebut?: unknown; dateFin?: unknown }[]): LigneLue[] {
  const lues: LigneLue[] = [];
  for (const ligne of lignes) lues.push({ debut: parseIsoDate(ligne?.dateDebut), fin: parseIsoDate(ligne?.dateFin) });
  return lues;
}
