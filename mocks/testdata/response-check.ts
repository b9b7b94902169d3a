// Checks the mock's answers against the response schemas of the served spec, so the mock cannot drift from it.
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { Ajv, type ValidateFunction } from 'ajv';
import * as addFormatsModule from 'ajv-formats';
import { defaultSpecPath } from '../spec.js';

const addFormats = ((addFormatsModule as unknown as { default: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

let operations: Promise<IHttpOperation[]> | undefined;
const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
addFormats(ajv);
const cache = new Map<string, ValidateFunction | null>();

function strip(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strip);
  if (schema && typeof schema === 'object') {
    return Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema' && !k.startsWith('x-')).map(([k, v]) => [k, strip(v)]));
  }
  return schema;
}

/** Schema errors of `body` for the answer `status` of `method path` (spec path, e.g. `/v2/dossiers`); [] when conformant. */
export async function responseErrors(method: string, path: string, status: number, body: unknown): Promise<string[]> {
  operations ??= getHttpOperationsFromSpec(defaultSpecPath());
  const op = (await operations).find((o) => o.method === method.toLowerCase() && o.path === path);
  if (!op) return [`no operation ${method} ${path} in the spec`];
  const key = `${method} ${path} ${status}`;
  if (!cache.has(key)) {
    const response = op.responses.find((r) => r.code === String(status)) ?? op.responses.find((r) => r.code === 'default');
    const schema = response?.contents?.find((c) => /json/.test(c.mediaType) && c.schema)?.schema;
    cache.set(key, schema ? ajv.compile(strip(schema) as object) : null);
    if (!response) return [`status ${status} is not documented for ${method} ${path}`];
  }
  const validate = cache.get(key);
  if (!validate) return [];
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
