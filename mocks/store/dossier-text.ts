// The SQLite store's text of a dossier: its JSON with the CERFA last, so that one read can serve the CERFA as stored.
import { CERFA_ADDED_KEYS, CONTRAT_ADDED_KEYS, type CerfaText, type DossierMeta } from '../engine/views.js';
import type { DossierRecord } from './types.js';

/**
 * A dossier's `data` is its record's JSON with the CERFA last and, when a read can splice it, where the CERFA's
 * `contrat` closes (this key, inside the text only): a read of one dossier then parses the record without its
 * CERFA and serves the CERFA's text as stored (`splitDossier`). Rows written before (CERFA in the middle, no
 * key) are read by a full parse, as are CERFAs carrying a key a read adds.
 */
const CONTRAT_END = '_contratEnd';
const CERFA_MEMBER = ',"cerfa":';

const plainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{"a":1,"b":2}` → `"a":1,"b":2` (empty for `{}`). */
const members = (json: string): string => json.slice(1, -1);

/**
 * The record's JSON, CERFA last. The CERFA's text is built from the serialisations of its keys before `contrat`,
 * of `contrat` and of its keys after it — the members `JSON.stringify(cerfa)` writes, in its order — so where
 * `contrat` closes is known without searching the text. Null-prototype holders keep an own `__proto__` key a key.
 */
export function encodeDossier(record: DossierRecord): string {
  const { cerfa, ...meta } = record;
  const fields = cerfa as unknown as Record<string, unknown>;
  const contrat = fields.contrat;
  if (!plainObject(contrat) || CERFA_ADDED_KEYS.some((k) => Object.hasOwn(fields, k)) || CONTRAT_ADDED_KEYS.some((k) => Object.hasOwn(contrat, k))) {
    return JSON.stringify(record);
  }
  const before: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const after: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  let past = false;
  for (const key of Object.keys(fields)) {
    if (key === 'contrat') past = true;
    else (past ? after : before)[key] = fields[key];
  }
  const head = members(JSON.stringify(before));
  const tail = members(JSON.stringify(after));
  const open = `{${head}${head ? ',' : ''}"contrat":`;
  const contratText = JSON.stringify(contrat);
  const metaText = JSON.stringify({ ...meta, [CONTRAT_END]: open.length + contratText.length - 1 });
  // The CERFA member must be the first such member of the text for a read to find it; else a plain record.
  if (metaText.includes(CERFA_MEMBER)) return JSON.stringify(record);
  return `${metaText.slice(0, -1)}${CERFA_MEMBER}${open}${contratText}${tail ? ',' : ''}${tail}}}`;
}

export function decodeDossier(text: string): DossierRecord {
  const record = JSON.parse(text) as DossierRecord & { [CONTRAT_END]?: number };
  delete record[CONTRAT_END];
  return record;
}

/**
 * One dossier's text split for a read (GET /dossiers?numeroInterne=): the record without its CERFA, parsed, and the
 * CERFA's text as stored, when the text allows it; else the whole record, parsed.
 */
export function splitDossier(data: string): { meta: DossierMeta; cerfa: CerfaText } | { record: DossierRecord } {
  const at = data.indexOf(CERFA_MEMBER);
  if (at > 0) {
    try {
      const meta = JSON.parse(`${data.slice(0, at)}}`) as DossierMeta & { [CONTRAT_END]?: unknown };
      const end = meta[CONTRAT_END];
      if (typeof end === 'number') {
        delete meta[CONTRAT_END];
        return { meta, cerfa: { text: data.slice(at + CERFA_MEMBER.length, -1), contratEnd: end } };
      }
    } catch {
      // Not the split layout: the full parse below.
    }
  }
  return { record: decodeDossier(data) };
}
