// The spec's response schemas, compiled once per run with ajv: the errors of an answer against its operation and status.
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { Ajv, type ValidateFunction } from 'ajv';
import * as addFormatsModule from 'ajv-formats';

const addFormats = ((addFormatsModule as unknown as { default: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

function strip(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strip);
  if (schema && typeof schema === 'object') {
    return Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema' && !k.startsWith('x-')).map(([k, v]) => [k, strip(v)]));
  }
  return schema;
}

export interface ResponseSchemas {
  /** Schema errors (`/path message`), [] when conformant, undefined when the spec has no schema for it. */
  errors(method: string, path: string, status: number, body: unknown): string[] | undefined;
}

/** Loads the spec (bundled by default) and answers schema checks; each (operation, status) is compiled on first use. */
export async function loadResponseSchemas(specPath: string): Promise<ResponseSchemas> {
  const operations: IHttpOperation[] = await getHttpOperationsFromSpec(specPath);
  const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
  addFormats(ajv);
  const cache = new Map<string, ValidateFunction | null>();
  return {
    errors(method, path, status, body) {
      // The target's base URL may carry a prefix (/atlas): the spec's paths start at the version.
      const bare = (path.split('?')[0] ?? path).replace(/^.*?(?=\/v\d+\/)/, '');
      const op = operations.find((o) => o.method === method.toLowerCase() && o.path === bare);
      if (!op) return undefined;
      const key = `${method} ${bare} ${status}`;
      if (!cache.has(key)) {
        const response = op.responses.find((r) => r.code === String(status)) ?? op.responses.find((r) => r.code === 'default');
        const schema = response?.contents?.find((c) => /json/.test(c.mediaType) && c.schema)?.schema;
        cache.set(key, schema ? ajv.compile(strip(schema) as object) : null);
      }
      const validate = cache.get(key);
      if (!validate) return undefined;
      return validate(body) ? [] : (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
    },
  };
}
