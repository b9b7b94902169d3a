// The dated SMIC table (conformance/data/smic.yaml): parsing, and the amount in force on a date in a département.
import { parse } from 'yaml';
import { parseIsoDate, type Ymd } from './calendar.js';
import { readDataFile } from './data-files.js';
import type { IsoDate } from '../model/payloads.js';

export interface SmicEntry {
  dateEffet: IsoDate;
  /** Gross monthly amount for 35 hours a week, euros. */
  mensuel: number;
  /** Gross hourly amount, euros. */
  horaire: number;
  source: string;
}

export interface SmicTable {
  /** Ascending by dateEffet. */
  national: readonly SmicEntry[];
  /** Mayotte (976) has its own SMIC; ascending by dateEffet. */
  mayotte: readonly SmicEntry[];
}

interface IndexedEntry {
  from: Ymd;
  entry: SmicEntry;
}

const indexes = new WeakMap<readonly SmicEntry[], IndexedEntry[]>();

function indexOf(entries: readonly SmicEntry[]): IndexedEntry[] {
  let index = indexes.get(entries);
  if (!index) {
    index = entries.map((entry) => ({ from: parseIsoDate(entry.dateEffet) ?? 0, entry }));
    index.sort((a, b) => a.from - b.from);
    indexes.set(entries, index);
  }
  return index;
}

function parseEntries(raw: unknown, key: string): SmicEntry[] {
  if (!Array.isArray(raw)) throw new Error(`smic table: '${key}' must be a list`);
  return raw.map((item: unknown, i: number) => {
    const e = item as Partial<SmicEntry> | null;
    if (!e || parseIsoDate(e.dateEffet) === undefined || typeof e.mensuel !== 'number' || typeof e.horaire !== 'number') {
      throw new Error(`smic table: ${key}[${i}] needs dateEffet (YYYY-MM-DD), mensuel and horaire`);
    }
    return { dateEffet: e.dateEffet as string, mensuel: e.mensuel, horaire: e.horaire, source: String(e.source ?? '') };
  });
}

/** Parses the YAML text of a SMIC table (same shape as conformance/data/smic.yaml). */
export function parseSmicTable(yamlText: string): SmicTable {
  const doc = parse(yamlText) as { national?: unknown; mayotte?: unknown } | null;
  if (!doc) throw new Error('smic table: empty document');
  const byDate = (a: SmicEntry, b: SmicEntry) => a.dateEffet.localeCompare(b.dateEffet);
  return {
    national: parseEntries(doc.national, 'national').sort(byDate),
    mayotte: parseEntries(doc.mayotte ?? [], 'mayotte').sort(byDate),
  };
}

let defaultTable: SmicTable | undefined;

/** The bundled table, read once. */
export function smicTable(): SmicTable {
  defaultTable ??= parseSmicTable(readDataFile('smic.yaml'));
  return defaultTable;
}

export const MAYOTTE = '976';

/**
 * The SMIC in force on `date` for an employer in `departement` (976 → Mayotte table). Undefined before the
 * table's first entry; after the last entry the last one applies (the table ends there, see smic.yaml).
 */
export function smicEnVigueur(table: SmicTable, date: IsoDate | Ymd, departement?: string): SmicEntry | undefined {
  const at = typeof date === 'number' ? date : parseIsoDate(date);
  if (at === undefined) return undefined;
  const index = indexOf(departement === MAYOTTE ? table.mayotte : table.national);
  let found: SmicEntry | undefined;
  for (const item of index) {
    if (item.from > at) break;
    found = item.entry;
  }
  return found;
}
