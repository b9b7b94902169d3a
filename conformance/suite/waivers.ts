// Waivers: `{ruleId, reason}` entries in a YAML file; a waiver naming no known rule is an input error.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface Waiver {
  ruleId: string;
  reason: string;
}

export class WaiverError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WaiverError';
  }
}

/** Parses a waivers file (a list, or `{waivers: [...]}`) and checks every rule id is in `known`. */
export function parseWaivers(text: string, file: string, known: (id: string) => boolean): Waiver[] {
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw new WaiverError(`${file}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const list = Array.isArray(value) ? value : (value as { waivers?: unknown } | null)?.waivers;
  if (!Array.isArray(list)) throw new WaiverError(`${file}: expected a list of {ruleId, reason}`);
  return list.map((item, i) => {
    const w = item as Partial<Waiver> | null;
    if (!w || typeof w.ruleId !== 'string' || typeof w.reason !== 'string' || w.reason.trim() === '') {
      throw new WaiverError(`${file}: /${i}: expected {ruleId: <rule id>, reason: <non-empty text>}`);
    }
    if (!known(w.ruleId)) throw new WaiverError(`${file}: /${i}/ruleId: '${w.ruleId}' is not a rule of the catalogue`);
    return { ruleId: w.ruleId, reason: w.reason };
  });
}

export function loadWaivers(file: string, known: (id: string) => boolean): Waiver[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new WaiverError(`${file}: cannot read: ${(error as Error).message}`);
  }
  return parseWaivers(text, file, known);
}
