// Reads the OpenAPI spec once: its operations (through Prism), one compiled ajv validator per body and query, a router.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { IHttpOperation } from '@stoplight/types';
import type { Ajv, ErrorObject, FormatDefinition, ValidateFunction } from 'ajv';
import type { NormError } from './errors.js';
import { formats, SPEC_FORMATS_MODULE } from './spec-formats.js';
import { mocksAsset } from './profiles.js';
import { bundledSpecPath, loadSpec, SpecLoadError } from '../spec/load.js';

const require = createRequire(import.meta.url);

/**
 * Start-up cache of compiled specs: the operations and the ajv validators as standalone code, keyed by the spec's
 * text and the versions that shape them. A hit skips the YAML parse, the dereferencing and the schema compilation
 * (about 1 s of the mock's start); only a spec that compiled is ever written, so a bad spec fails as before.
 * Specs referencing other files are not cached (their content is not in the key). The cache holds code that is
 * run, so it lives in the user's own cache directory (mode 0700), never in a shared temporary directory.
 */
const CACHE_FORMAT = 3;
const CACHE_DIR = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'convergence-kit', 'spec');

interface CachedSpec {
  operations: IHttpOperation[];
  /** Standalone module code of each operation's body validators (all errors; first error only) and query validator. */
  validators: { body: string | null; bodyFirst: string | null; query: string | null }[];
}

function cacheKey(text: string): string {
  const versions = [CACHE_FORMAT, (require('ajv/package.json') as { version: string }).version, (require('@stoplight/prism-http/package.json') as { version: string }).version];
  return createHash('sha256').update(`${versions.join('\u0000')}\u0000${text}`).digest('hex').slice(0, 32);
}

/** What the standalone validators may `require`: ajv's runtime, and the spec's formats under their own id. */
function requireForValidators(id: string): unknown {
  return id === SPEC_FORMATS_MODULE ? { formats } : require(id);
}

function loadValidator(code: string | null): ValidateFunction | null {
  if (code === null) return null;
  const module = { exports: {} as unknown };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- code ajv generated from this spec, read back from our cache
  new Function('module', 'exports', 'require', code)(module, module.exports, requireForValidators);
  return module.exports as ValidateFunction;
}

function readCache(key: string): CachedSpec | undefined {
  try {
    return JSON.parse(readFileSync(join(CACHE_DIR, `${key}.json`), 'utf8')) as CachedSpec;
  } catch {
    return undefined;
  }
}

function writeCache(key: string, entry: CachedSpec): void {
  try {
    mkdirSync(CACHE_DIR, { recursive: true, mode: 0o700 });
    const temp = join(CACHE_DIR, `${key}.${process.pid}.tmp`);
    writeFileSync(temp, JSON.stringify(entry));
    renameSync(temp, join(CACHE_DIR, `${key}.json`));
  } catch {
    // A cache that cannot be written only costs start-up time.
  }
}

/**
 * A body validator in two passes: the first-error validator (ajv `allErrors: false`, about 1.5× faster on a CERFA)
 * decides, and only a body it refuses is judged again by the all-errors validator, whose `errors` the caller reads.
 * Most bodies are valid, so the mock and `validate` pay the fast pass alone. The fast code is compiled on first use.
 */
function twoPass(allErrors: () => ValidateFunction, firstError: () => ValidateFunction): ValidateFunction {
  let fast: ValidateFunction | undefined;
  let full: ValidateFunction | undefined;
  const validate = ((data: unknown) => {
    fast ??= firstError();
    if (fast(data)) {
      validate.errors = null;
      return true;
    }
    full ??= allErrors();
    const valid = full(data) as boolean;
    validate.errors = full.errors;
    return valid;
  }) as ValidateFunction;
  validate.errors = null;
  return validate;
}

/**
 * A cached validator compiled on its first call: a process that serves or checks a few operations (a `validate`
 * worker needs four of them) neither spends the start-up time nor holds the code of the others.
 */
function lazyValidator(code: string): ValidateFunction {
  let compiled: ValidateFunction | undefined;
  const validate = ((data: unknown) => {
    compiled ??= loadValidator(code)!;
    const valid = compiled(data) as boolean;
    validate.errors = compiled.errors;
    return valid;
  }) as ValidateFunction;
  validate.errors = null;
  return validate;
}

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

function compiledOperation(operation: IHttpOperation, validateBody: ValidateFunction | null, validateQuery: ValidateFunction | null): CompiledOperation {
  const method = operation.method.toLowerCase();
  const m = /^(.*?)\/(v\d+)(\/.*)?$/.exec(operation.path);
  const version = m ? (m[2] ?? null) : null;
  const suffix = m ? (m[3] ?? '/') : operation.path;
  const pattern = operation.path.includes('{')
    ? new RegExp(`^${operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+').replace(/\{[^}]+\}/g, '[^/]+')}$`)
    : null;
  return {
    operation,
    method,
    path: operation.path,
    version,
    suffix,
    pattern,
    validateBody,
    bodyRequired: operation.request?.body?.required === true,
    validateQuery,
  };
}

async function compileSpecUncached(file: string): Promise<CompiledSpec> {
  let key: string | undefined;
  try {
    key = cacheKey(readFileSync(file, 'utf8'));
    const cached = readCache(key);
    if (cached && cached.operations.length === cached.validators.length && cached.validators.every((v) => v.bodyFirst !== undefined)) {
      return new CompiledSpec(
        file,
        cached.operations.map((op, i) => {
          const { body, bodyFirst, query } = cached.validators[i]!;
          const validateBody =
            body === null ? null : bodyFirst === null ? lazyValidator(body) : twoPass(() => loadValidator(body)!, () => loadValidator(bodyFirst)!);
          return compiledOperation(op, validateBody, query === null ? null : lazyValidator(query));
        }),
      );
    }
  } catch {
    // Unreadable here means loadSpec below reports it; a corrupt cache entry is compiled again.
  }
  let document: Record<string, unknown>;
  try {
    // Parsed first by the project's loader: its errors carry the line and column.
    ({ document } = await loadSpec(file));
  } catch (error) {
    if (error instanceof SpecLoadError) {
      const where = error.line !== undefined ? `line ${error.line}, column ${error.column ?? 0}: ` : '';
      throw new SpecError(`${error.file}: ${where}${error.message}`);
    }
    throw error;
  }
  let operations: IHttpOperation[];
  // References to other files: their content is not in the cache key, and they must resolve from the spec's directory.
  let external = true;
  try {
    external = /"\$ref":"(?!#)/.test(JSON.stringify(document));
  } catch {
    // A document that does not serialise (recursive YAML aliases) is read from its path and not cached.
  }
  try {
    // The operations parser alone: the package's index also loads Prism's mocker and validator (~1 s of start-up).
    const { getHttpOperationsFromSpec } = await import('@stoplight/prism-http/dist/utils/operations.js');
    // The parsed document saves a second YAML parse; a spec with references to other files is read from its path so
    // that they resolve against its directory. Dereferencing mutates its input, hence the clone.
    operations = await getHttpOperationsFromSpec(external ? file : structuredClone(document));
  } catch (error) {
    throw new SpecError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (operations.length === 0) throw new SpecError(`${file}: no operation found (is it an OpenAPI document?)`);
  const { Ajv: AjvClass, _ } = await import('ajv');
  // CommonJS under NodeNext: the function is the module itself.
  const standaloneCode = require('ajv/dist/standalone/index.js') as (ajv: Ajv, validate: ValidateFunction) => string;
  const addFormatsModule = await import('ajv-formats');
  // ajv-formats is CommonJS; under NodeNext its default export is the module object.
  const addFormats = ((addFormatsModule as unknown as { default: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;
  // Source kept so the validators can be cached as standalone code; formats then come from spec-formats.ts at load.
  const code = { source: true, formats: _`require(${SPEC_FORMATS_MODULE}).formats` };
  const bodyAjv = new AjvClass({ allErrors: true, strict: false, logger: false, code });
  const firstErrorAjv = new AjvClass({ allErrors: false, strict: false, logger: false, code });
  const queryAjv = new AjvClass({ allErrors: true, strict: false, logger: false, coerceTypes: 'array', code });
  for (const ajv of [bodyAjv, firstErrorAjv, queryAjv]) {
    addFormats(ajv);
    for (const name of ['date', 'time', 'date-time']) ajv.addFormat(name, formats[name] as FormatDefinition<string>);
  }
  const compile = (ajv: Ajv, schema: unknown, where: string): ValidateFunction => {
    try {
      return ajv.compile(stripVendor(schema) as object);
    } catch (error) {
      throw new SpecError(`${file}: ${where}: schema does not compile (${error instanceof Error ? error.message : String(error)})`);
    }
  };
  const validators: CachedSpec['validators'] = [];
  const compiled = operations.map((operation): CompiledOperation => {
    const where = `${operation.method.toUpperCase()} ${operation.path}`;
    const json = operation.request?.body?.contents?.find((c) => /json/i.test(c.mediaType) && c.schema);
    const query = operation.request?.query ?? [];
    const querySchema = query.length
      ? {
          type: 'object',
          properties: Object.fromEntries(query.map((q) => [q.name, q.schema ?? {}])),
          required: query.filter((q) => q.required).map((q) => q.name),
        }
      : null;
    const fullBody = json?.schema ? compile(bodyAjv, json.schema, `${where} request body`) : null;
    const firstErrorBody = json?.schema ? compile(firstErrorAjv, json.schema, `${where} request body`) : null;
    const validateQuery = querySchema ? compile(queryAjv, querySchema, `${where} query`) : null;
    validators.push({
      body: fullBody && standaloneCode(bodyAjv, fullBody),
      bodyFirst: firstErrorBody && standaloneCode(firstErrorAjv, firstErrorBody),
      query: validateQuery && standaloneCode(queryAjv, validateQuery),
    });
    const validateBody = fullBody && firstErrorBody ? twoPass(() => fullBody, () => firstErrorBody) : fullBody;
    return compiledOperation(operation, validateBody, validateQuery);
  });
  if (key !== undefined && !external) {
    try {
      writeCache(key, { operations: JSON.parse(JSON.stringify(operations)) as IHttpOperation[], validators });
    } catch {
      // Operations that do not serialise (cycles) are simply not cached.
    }
  }
  return new CompiledSpec(file, compiled);
}

/** `/lignes/0/montant` + missing `x` → `lignes[0].montant.x`: the norm's `champ` notation. */
function champ(error: ErrorObject): string {
  const parts = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') parts.push(params.missingProperty);
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') parts.push(params.additionalProperty);
  // A blank property name (`" "`) is quoted, or the error would name no visible field.
  return parts.map((p) => (p.trim() === '' ? JSON.stringify(p) : p)).reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
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

/**
 * A member the spec does not list, inside the deposit's `cerfa`: never a blocking error (real software sends members
 * a rebuilt spec may not know, issue 12 §2); the rule `cerfa-membre-non-prevu` reports it as a warning instead.
 */
function membreNonPrevuDuCerfa(error: ErrorObject): boolean {
  return error.keyword === 'additionalProperties' && (error.instancePath === '/cerfa' || error.instancePath.startsWith('/cerfa/'));
}

/**
 * One norm error per ajv error, each naming its field; `root` prefixes query parameters. A member the spec does
 * not list inside `cerfa` is left out (see membreNonPrevuDuCerfa): a body whose only errors are such is valid.
 */
export function ajvToNormErrors(errors: ErrorObject[] | null | undefined): NormError[] {
  return (errors ?? []).filter((error) => !membreNonPrevuDuCerfa(error)).map((error) => {
    const c = champ(error) || '(corps)';
    const known = DESCRIPTIONS[error.keyword];
    return known
      ? { code: known.code, description: known.text(c, error), champ: c }
      : { code: 'VALEUR_INVALIDE', description: `Le champ ${c} est invalide (${error.message ?? error.keyword})`, champ: c };
  });
}
