// Reads the OpenAPI spec once: its operations (through Prism), one compiled ajv validator per body and query, a router.
import { existsSync, statSync } from 'node:fs';
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import * as addFormatsModule from 'ajv-formats';
import type { NormError } from './errors.js';
import { mocksAsset } from './profiles.js';
import { bundledSpecPath, loadSpec, SpecLoadError } from '../spec/load.js';

// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

export interface CompiledOperation {
  operation: IHttpOperation;
  method: string;
  /** Path as written in the spec, e.g. `/v2/dossiers`. */
  path: string;
  /** `v1`, `v2`, or null for unversioned paths (`/oauth/token`). */
  version: string | null;
  /** Path after the version prefix: what the engine maps on (`/dossiers/etats`). */
  suffix: string;
  /** Regex for templated paths (`/x/{id}`), null for static paths. */
  pattern: RegExp | null;
  validateBody: ValidateFunction | null;
  bodyRequired: boolean;
  validateQuery: ValidateFunction | null;
}

export class SpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpecError';
  }
}

/** The spec served when none is given: the project's spec/openapi.yaml. */
export function defaultSpecPath(): string {
  try {
    return bundledSpecPath();
  } catch {
    return mocksAsset('testdata/norme-mini.yaml');
  }
}

function stripVendor(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(stripVendor);
  if (schema && typeof schema === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(schema)) {
      if (k === '$schema' || k.startsWith('x-')) continue;
      out[k] = stripVendor(v);
    }
    return out;
  }
  return schema;
}

export class CompiledSpec {
  private readonly staticRoutes = new Map<string, CompiledOperation>();
  private readonly templated: CompiledOperation[] = [];

  constructor(
    readonly file: string,
    readonly operations: CompiledOperation[],
  ) {
    for (const op of operations) {
      if (op.pattern) this.templated.push(op);
      else this.staticRoutes.set(`${op.method} ${op.path}`, op);
    }
  }

  find(method: string, path: string): CompiledOperation | undefined {
    const m = method.toLowerCase();
    return this.staticRoutes.get(`${m} ${path}`) ?? this.templated.find((op) => op.method === m && op.pattern?.test(path));
  }

  /** True when some operation has this path with another method (405 would be more precise; the mock answers 404). */
  hasPath(path: string): boolean {
    return this.operations.some((op) => (op.pattern ? op.pattern.test(path) : op.path === path));
  }
}

const compiledCache = new Map<string, Promise<CompiledSpec>>();

/** Compiles a spec once per process and file version (path, size, mtime): apps created in a row share it. */
export function compileSpec(file: string): Promise<CompiledSpec> {
  if (!existsSync(file)) return Promise.reject(new SpecError(`${file}: file not found`));
  const { size, mtimeMs } = statSync(file);
  const key = `${file}\u0000${size}\u0000${mtimeMs}`;
  let compiled = compiledCache.get(key);
  if (!compiled) {
    compiled = compileSpecUncached(file);
    compiledCache.set(key, compiled);
    compiled.catch(() => compiledCache.delete(key));
  }
  return compiled;
}

async function compileSpecUncached(file: string): Promise<CompiledSpec> {
  try {
    // Parsed first by the project's loader: its errors carry the line and column.
    await loadSpec(file);
  } catch (error) {
    if (error instanceof SpecLoadError) {
      const where = error.line !== undefined ? `line ${error.line}, column ${error.column ?? 0}: ` : '';
      throw new SpecError(`${error.file}: ${where}${error.message}`);
    }
    throw error;
  }
  let operations: IHttpOperation[];
  try {
    operations = await getHttpOperationsFromSpec(file);
  } catch (error) {
    throw new SpecError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (operations.length === 0) throw new SpecError(`${file}: no operation found (is it an OpenAPI document?)`);
  const bodyAjv = new Ajv({ allErrors: true, strict: false, logger: false });
  const queryAjv = new Ajv({ allErrors: true, strict: false, logger: false, coerceTypes: 'array' });
  addFormats(bodyAjv);
  addFormats(queryAjv);
  const compile = (ajv: Ajv, schema: unknown, where: string): ValidateFunction => {
    try {
      return ajv.compile(stripVendor(schema) as object);
    } catch (error) {
      throw new SpecError(`${file}: ${where}: schema does not compile (${error instanceof Error ? error.message : String(error)})`);
    }
  };
  const compiled = operations.map((operation): CompiledOperation => {
    const method = operation.method.toLowerCase();
    const where = `${method.toUpperCase()} ${operation.path}`;
    const m = /^(.*?)\/(v\d+)(\/.*)?$/.exec(operation.path);
    const version = m ? (m[2] ?? null) : null;
    const suffix = m ? (m[3] ?? '/') : operation.path;
    const pattern = operation.path.includes('{')
      ? new RegExp(`^${operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+').replace(/\{[^}]+\}/g, '[^/]+')}$`)
      : null;
    const json = operation.request?.body?.contents?.find((c) => /json/i.test(c.mediaType) && c.schema);
    const query = operation.request?.query ?? [];
    const querySchema = query.length
      ? {
          type: 'object',
          properties: Object.fromEntries(query.map((q) => [q.name, q.schema ?? {}])),
          required: query.filter((q) => q.required).map((q) => q.name),
        }
      : null;
    return {
      operation,
      method,
      path: operation.path,
      version,
      suffix,
      pattern,
      validateBody: json?.schema ? compile(bodyAjv, json.schema, `${where} request body`) : null,
      bodyRequired: operation.request?.body?.required === true,
      validateQuery: querySchema ? compile(queryAjv, querySchema, `${where} query`) : null,
    };
  });
  return new CompiledSpec(file, compiled);
}

/** `/lignes/0/montant` + missing `x` → `lignes[0].montant.x`: the norm's `champ` notation. */
function champ(error: ErrorObject): string {
  const parts = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') parts.push(params.missingProperty);
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') parts.push(params.additionalProperty);
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

const DESCRIPTIONS: Record<string, { code: string; text: (c: string, e: ErrorObject) => string }> = {
  required: { code: 'CHAMP_OBLIGATOIRE', text: (c) => `Le champ ${c} est obligatoire` },
  additionalProperties: { code: 'CHAMP_NON_PREVU', text: (c) => `Le champ ${c} n'est pas prévu par la norme` },
  type: { code: 'TYPE_INVALIDE', text: (c, e) => `Le champ ${c} doit être de type ${String((e.params as { type?: unknown }).type)}` },
  enum: {
    code: 'VALEUR_NON_AUTORISEE',
    text: (c, e) => `Le champ ${c} doit prendre l'une des valeurs : ${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')}`,
  },
  format: { code: 'FORMAT_INVALIDE', text: (c, e) => `Le champ ${c} ne respecte pas le format ${String((e.params as { format?: unknown }).format)}` },
  pattern: { code: 'FORMAT_INVALIDE', text: (c) => `Le champ ${c} ne respecte pas le format attendu` },
};

/** One norm error per ajv error, each naming its field; `root` prefixes query parameters. */
export function ajvToNormErrors(errors: ErrorObject[] | null | undefined): NormError[] {
  return (errors ?? []).map((error) => {
    const c = champ(error) || '(corps)';
    const known = DESCRIPTIONS[error.keyword];
    return known
      ? { code: known.code, description: known.text(c, error), champ: c }
      : { code: 'VALEUR_INVALIDE', description: `Le champ ${c} est invalide (${error.message ?? error.keyword})`, champ: c };
  });
}
