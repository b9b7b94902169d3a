// The dated financing parameters (conformance/data/financement.yaml): typed loading, overrides and lookups by date.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseIsoDate } from '../remuneration/calendar.js';
import { readDataFile } from '../remuneration/data-files.js';
import type { IsoDate } from '../model/payloads.js';

/** When an échéance opens: months after the start of the contract year, or `fin` (its last day). */
export type Ouverture = number | 'fin';
export type ModeProrata = 'mensuel' | 'journalier';

export interface Repartition {
  /** Whole percents, summing to 100. */
  repartition: number[];
  /** One opening per share. */
  ouvertures: Ouverture[];
}

export interface RegimeEcheancier extends Repartition {
  id: string;
  /** Contracts concluded from this date. */
  dateDebut: IsoDate;
  prorata: ModeProrata;
  /** Split of a contract shorter than one year; null: the regime's own split on the prorated amount. */
  contratCourt: Repartition | null;
  /** The start date is a documented guess (see the YAML comment). */
  incertain: boolean;
  source: string;
}

export interface PlafondsFraisAnnexes {
  dateDebut: IsoDate;
  hebergementParNuit: number;
  restaurationParRepas: number;
  premierEquipement: number;
  source: string;
}

export interface MajorationRQTHParams {
  dateDebut: IsoDate;
  plafondAnnuel: number;
  source: string;
}

export interface ParticipationEmployeurParams {
  dateDebut: IsoDate;
  niveauMinimal: number;
  forfait: number;
  forfaitNouveauContratApresRupture: number;
  periodeProbatoireJours: number;
  tauxRupturePeriodeProbatoire: number;
  plafondRupturePeriodeProbatoire: number;
  source: string;
}

/** Annual amounts committed for a certification without an NPEC ("valeur d'amorçage"), per level, for contracts concluded from dateDebut. */
export interface ValeursAmorcage {
  dateDebut: IsoDate;
  /** Euros per level of the national framework of certifications (3–8). */
  niveaux: Record<number, number>;
  /** The start date or the amounts are a documented guess (see the YAML comment). */
  incertain: boolean;
  source: string;
}

export interface TauxDate {
  dateDebut: IsoDate;
  tauxPourcent: number;
  source: string;
}

export interface MinorationDistanciel extends TauxDate {
  seuilPourcent: number;
  plancher: number;
}

export interface FinancementParams {
  /** Ascending by dateDebut. */
  regimes: RegimeEcheancier[];
  fraisAnnexes: PlafondsFraisAnnexes[];
  majorationRQTH: MajorationRQTHParams[];
  participationEmployeur: ParticipationEmployeurParams[];
  valeursAmorcage: ValeursAmorcage[];
  minorations: { distanciel: MinorationDistanciel; transfrontalier: TauxDate };
  majorations: { dureeReduite: TauxDate };
}

/** A malformed parameter file; the message names the file and the field. */
export class FinancementParamsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FinancementParamsError';
  }
}

type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Maps merge key by key; anything else (lists, scalars, null) in the override replaces the base value. */
function merge(base: unknown, override: unknown): unknown {
  if (!isObject(base) || !isObject(override)) return override;
  const out: Raw = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = key in base ? merge(base[key], value) : value;
  return out;
}

class Reader {
  constructor(private readonly file: string) {}

  error(where: string, what: string): never {
    throw new FinancementParamsError(`${this.file}: ${where}: ${what}`);
  }

  object(v: unknown, where: string): Raw {
    return isObject(v) ? v : this.error(where, 'expected a map');
  }

  list(v: unknown, where: string): unknown[] {
    return Array.isArray(v) && v.length > 0 ? v : this.error(where, 'expected a non-empty list');
  }

  date(v: unknown, where: string): IsoDate {
    return typeof v === 'string' && v.length === 10 && parseIsoDate(v) !== undefined ? v : this.error(where, 'expected a date YYYY-MM-DD');
  }

  amount(v: unknown, where: string): number {
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : this.error(where, 'expected a number ≥ 0');
  }

  integer(v: unknown, where: string): number {
    return Number.isInteger(v) && (v as number) >= 0 ? (v as number) : this.error(where, 'expected an integer ≥ 0');
  }

  text(v: unknown): string {
    return typeof v === 'string' ? v.trim() : '';
  }

  repartition(v: unknown, where: string): Repartition {
    const o = this.object(v, where);
    const repartition = this.list(o.repartition, `${where}.repartition`).map((p, i) => this.integer(p, `${where}.repartition[${i}]`));
    if (repartition.reduce((a, b) => a + b, 0) !== 100) this.error(`${where}.repartition`, 'the shares must sum to 100');
    const ouvertures = this.list(o.ouvertures, `${where}.ouvertures`).map((x, i): Ouverture =>
      x === 'fin' ? 'fin' : this.integer(x, `${where}.ouvertures[${i}]`),
    );
    if (ouvertures.length !== repartition.length) this.error(`${where}.ouvertures`, 'one opening per share expected');
    return { repartition, ouvertures };
  }

  dated<T extends { dateDebut: IsoDate }>(v: unknown, where: string, item: (o: Raw, at: string) => T): T[] {
    return this.list(v, where)
      .map((x, i) => item(this.object(x, `${where}[${i}]`), `${where}[${i}]`))
      .sort((a, b) => a.dateDebut.localeCompare(b.dateDebut));
  }
}

function read(doc: unknown, file: string): FinancementParams {
  const r = new Reader(file);
  const root = r.object(doc, 'document');
  const regimesRaw = r.object(root.regimes, 'regimes');
  const regimes = Object.entries(regimesRaw).map(([id, v]): RegimeEcheancier => {
    const at = `regimes.${id}`;
    const o = r.object(v, at);
    const prorata = o.prorata === 'mensuel' || o.prorata === 'journalier' ? o.prorata : r.error(`${at}.prorata`, 'expected mensuel or journalier');
    return {
      id,
      dateDebut: r.date(o.dateDebut, `${at}.dateDebut`),
      prorata,
      ...r.repartition(o, at),
      contratCourt: o.contratCourt === null || o.contratCourt === undefined ? null : r.repartition(o.contratCourt, `${at}.contratCourt`),
      incertain: o.incertain === true,
      source: r.text(o.source),
    };
  });
  if (regimes.length === 0) r.error('regimes', 'at least one regime expected');
  regimes.sort((a, b) => a.dateDebut.localeCompare(b.dateDebut));

  const minorations = r.object(root.minorations, 'minorations');
  const distanciel = r.object(minorations.distanciel, 'minorations.distanciel');
  const transfrontalier = r.object(minorations.transfrontalier, 'minorations.transfrontalier');
  const majorations = r.object(root.majorations, 'majorations');
  const dureeReduite = r.object(majorations.dureeReduite, 'majorations.dureeReduite');
  const taux = (o: Raw, at: string): TauxDate => ({
    dateDebut: r.date(o.dateDebut, `${at}.dateDebut`),
    tauxPourcent: r.amount(o.tauxPourcent, `${at}.tauxPourcent`),
    source: r.text(o.source),
  });

  return {
    regimes,
    fraisAnnexes: r.dated(root.fraisAnnexes, 'fraisAnnexes', (o, at) => ({
      dateDebut: r.date(o.dateDebut, `${at}.dateDebut`),
      hebergementParNuit: r.amount(o.hebergementParNuit, `${at}.hebergementParNuit`),
      restaurationParRepas: r.amount(o.restaurationParRepas, `${at}.restaurationParRepas`),
      premierEquipement: r.amount(o.premierEquipement, `${at}.premierEquipement`),
      source: r.text(o.source),
    })),
    majorationRQTH: r.dated(root.majorationRQTH, 'majorationRQTH', (o, at) => ({
      dateDebut: r.date(o.dateDebut, `${at}.dateDebut`),
      plafondAnnuel: r.amount(o.plafondAnnuel, `${at}.plafondAnnuel`),
      source: r.text(o.source),
    })),
    participationEmployeur: r.dated(root.participationEmployeur, 'participationEmployeur', (o, at) => ({
      dateDebut: r.date(o.dateDebut, `${at}.dateDebut`),
      niveauMinimal: r.integer(o.niveauMinimal, `${at}.niveauMinimal`),
      forfait: r.amount(o.forfait, `${at}.forfait`),
      forfaitNouveauContratApresRupture: r.amount(o.forfaitNouveauContratApresRupture, `${at}.forfaitNouveauContratApresRupture`),
      periodeProbatoireJours: r.integer(o.periodeProbatoireJours, `${at}.periodeProbatoireJours`),
      tauxRupturePeriodeProbatoire: r.amount(o.tauxRupturePeriodeProbatoire, `${at}.tauxRupturePeriodeProbatoire`),
      plafondRupturePeriodeProbatoire: r.amount(o.plafondRupturePeriodeProbatoire, `${at}.plafondRupturePeriodeProbatoire`),
      source: r.text(o.source),
    })),
    valeursAmorcage: r.dated(root.valeursAmorcage, 'valeursAmorcage', (o, at) => {
      const niveaux = r.object(o.niveaux, `${at}.niveaux`);
      return {
        dateDebut: r.date(o.dateDebut, `${at}.dateDebut`),
        niveaux: Object.fromEntries(
          Object.entries(niveaux).map(([niveau, montant]) => {
            if (!/^[3-8]$/.test(niveau)) r.error(`${at}.niveaux.${niveau}`, 'expected a level 3 to 8');
            return [Number(niveau), r.amount(montant, `${at}.niveaux.${niveau}`)];
          }),
        ),
        incertain: o.incertain === true,
        source: r.text(o.source),
      };
    }),
    minorations: {
      distanciel: {
        ...taux(distanciel, 'minorations.distanciel'),
        seuilPourcent: r.amount(distanciel.seuilPourcent, 'minorations.distanciel.seuilPourcent'),
        plancher: r.amount(distanciel.plancher, 'minorations.distanciel.plancher'),
      },
      transfrontalier: taux(transfrontalier, 'minorations.transfrontalier'),
    },
    majorations: { dureeReduite: taux(dureeReduite, 'majorations.dureeReduite') },
  };
}

function parseYamlText(text: string, file: string): unknown {
  try {
    return parse(text) as unknown;
  } catch (error) {
    throw new FinancementParamsError(`${file}: invalid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const BUNDLED = 'conformance/data/financement.yaml';
let bundledDoc: unknown;
let bundled: FinancementParams | undefined;

function bundledDocument(): unknown {
  bundledDoc ??= parseYamlText(readDataFile('financement.yaml'), BUNDLED);
  return bundledDoc;
}

/**
 * Parses parameter text. With `overrideOf` (default: the bundled file), the text may hold only some sections:
 * they are merged over the base (maps key by key, lists replaced).
 */
export function parseFinancementParams(yamlText: string, file = 'financement.yaml', overrideOf: 'bundled' | 'none' = 'bundled'): FinancementParams {
  const doc = parseYamlText(yamlText, file);
  return read(overrideOf === 'bundled' ? merge(bundledDocument(), doc ?? {}) : doc, file);
}

/** The bundled parameters, read once; or the bundled ones overridden by `file` (a YAML file of the same shape). */
export function loadFinancementParams(file?: string): FinancementParams {
  if (file === undefined) {
    bundled ??= read(bundledDocument(), BUNDLED);
    return bundled;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new FinancementParamsError(`${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseFinancementParams(text, file);
}

/** The last entry whose dateDebut ≤ date (entries ascending); undefined before the first one. */
export function enVigueur<T extends { dateDebut: IsoDate }>(entries: readonly T[], date: IsoDate): T | undefined {
  const day = date.slice(0, 10);
  let found: T | undefined;
  for (const entry of entries) {
    if (entry.dateDebut > day) break;
    found = entry;
  }
  return found;
}

/** Which payment schedule applies to a contract concluded on `dateConclusion`; undefined before 2020-01-01. */
export function regimeEcheancier(dateConclusion: IsoDate, params: FinancementParams = loadFinancementParams()): RegimeEcheancier | undefined {
  return enVigueur(params.regimes, dateConclusion);
}

export function plafondsFraisAnnexes(date: IsoDate, params: FinancementParams = loadFinancementParams()): PlafondsFraisAnnexes | undefined {
  return enVigueur(params.fraisAnnexes, date);
}

/** The annual RQTH majoration cap in force for a contract concluded on `date`; undefined before 2021-01-01. */
export function plafondMajorationRQTH(date: IsoDate, params: FinancementParams = loadFinancementParams()): number | undefined {
  return enVigueur(params.majorationRQTH, date)?.plafondAnnuel;
}

/**
 * The valeur d'amorçage of a certification of `niveau` (3–8) for a contract concluded on `dateConclusion`: what the
 * OPCO commits when no NPEC is set for it (Vade-mecum V2, norme.md §2.1); undefined before the first table or for a
 * level the table in force does not give.
 */
export function valeurAmorcage(niveau: number, dateConclusion: IsoDate, params: FinancementParams = loadFinancementParams()): number | undefined {
  return enVigueur(params.valeursAmorcage, dateConclusion)?.niveaux[niveau];
}
