// Loads the requirement clauses (conformance/requirements/*.yaml), checks their shape and rejects duplicate ids.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { packageRoot } from '../engine/package-root.js';

export { packageRoot };

export type Niveau = 'obligatoire' | 'recommandé' | 'information';
export type Confiance = 'confirmed' | 'secondary' | 'inferred';

/** One clause of the norm, the regulation or the FAQ that rules (or, later, server scenarios) verify. */
export interface Requirement {
  /** Stable id with an area prefix: `API-01`, `CDV-07`, `FACT-11`. */
  id: string;
  source: { doc: string; ref: string; url?: string };
  /** The clause in French, as close to the source's words as possible. */
  texte: string;
  niveau: Niveau;
  /** Confidence of the source, as in shared/research/norme.md: [C] confirmed, [S] secondary, [I] inferred. */
  confiance: Confiance;
  /** Why no rule verifies this clause (yet); a clause is either cited by a rule or carries this reason. */
  nonTeste?: string;
  /** The file it comes from, without `.yaml` (`api`, `cycle-de-vie`, …): groups the coverage report. */
  file: string;
}

/** A malformed or duplicated clause; the message names the file and the item. */
export class RequirementsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequirementsError';
  }
}

const CLAUSE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'source', 'texte', 'niveau', 'confiance'],
  properties: {
    id: { type: 'string', pattern: '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$' },
    source: {
      type: 'object',
      additionalProperties: false,
      required: ['doc', 'ref'],
      properties: {
        doc: { type: 'string', minLength: 1 },
        ref: { type: 'string', minLength: 1 },
        url: { type: 'string', format: 'uri' },
      },
    },
    texte: { type: 'string', minLength: 1 },
    niveau: { enum: ['obligatoire', 'recommandé', 'information'] },
    confiance: { enum: ['confirmed', 'secondary', 'inferred'] },
    nonTeste: { type: 'string', minLength: 1 },
  },
} as const;

// ajv-formats is CommonJS; under NodeNext its default import is the module object on some setups.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;
let validateClause: ReturnType<Ajv['compile']> | undefined;

function clauseValidator(): ReturnType<Ajv['compile']> {
  if (validateClause === undefined) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    validateClause = ajv.compile(CLAUSE_SCHEMA);
  }
  return validateClause;
}

/** The YAML files are not compiled: dist/ code reads them from the package's conformance/requirements. */
export const requirementsDir = (): string => join(packageRoot(), 'conformance', 'requirements');

function describeError(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'clause' : error.instancePath;
  if (error.keyword === 'additionalProperties') {
    return `${where}: unknown field '${String(error.params.additionalProperty)}'`;
  }
  if (error.keyword === 'enum') {
    return `${where} must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
  }
  return `${where} ${error.message ?? 'is invalid'}`;
}

/** Parses and checks one YAML file's text; `file` is only used in messages and as the clauses' `file`. */
export function parseRequirements(text: string, file: string): Requirement[] {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new RequirementsError(`${file}: invalid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (document === null || document === undefined) return [];
  if (!Array.isArray(document)) throw new RequirementsError(`${file}: expected a YAML list of clauses`);
  const validate = clauseValidator();
  const area = basename(file).replace(/\.ya?ml$/, '');
  return document.map((item: unknown, index) => {
    const id =
      item !== null && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string'
        ? ` (${(item as { id: string }).id})`
        : '';
    if (!validate(item)) {
      const details = (validate.errors ?? []).map(describeError).join('; ');
      throw new RequirementsError(`${file}: item ${index + 1}${id}: ${details}`);
    }
    return { ...(item as Omit<Requirement, 'file'>), file: area };
  });
}

/**
 * Loads every `*.yaml` of `dir` (default: the package's conformance/requirements), in file-name order then
 * file order. Throws `RequirementsError` on a malformed clause or an id used twice, naming both places.
 */
export function loadRequirements(dir: string = requirementsDir()): Requirement[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort();
  const all: Requirement[] = [];
  const seen = new Map<string, string>();
  for (const name of files) {
    const path = join(dir, name);
    const shown = relative(process.cwd(), path) || path;
    for (const clause of parseRequirements(readFileSync(path, 'utf8'), shown)) {
      const first = seen.get(clause.id);
      if (first !== undefined) throw new RequirementsError(`${shown}: duplicate requirement id ${clause.id} (already in ${first})`);
      seen.set(clause.id, shown);
      all.push(clause);
    }
  }
  return all;
}
