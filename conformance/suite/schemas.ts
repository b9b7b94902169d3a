// The spec's response schemas, compiled once per run with ajv: the errors of an answer against its operation and status.
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import * as addFormatsModule from 'ajv-formats';

const addFormats = ((addFormatsModule as unknown as { default: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

function strip(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strip);
  if (schema && typeof schema === 'object') {
    return Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema' && !k.startsWith('x-')).map(([k, v]) => [k, strip(v)]));
  }
  return schema;
}

/**
 * The schema with every object that lists its properties closed to others (`additionalProperties: false`), except
 * under anyOf/oneOf whose branches would refuse each other's members: what finds the members the spec does not
 * document even where its schemas stay open (serveur-membre-non-documente).
 */
export function fermer(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(fermer);
  if (!schema || typeof schema !== 'object') return schema;
  const node = schema as Record<string, unknown>;
  if ('anyOf' in node || 'oneOf' in node) return node;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'properties' && v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([name, sub]) => [name, fermer(sub)])) : fermer(v)]));
  if (node.properties && typeof node.properties === 'object' && node.additionalProperties === undefined && !('allOf' in node)) out.additionalProperties = false;
  return out;
}

/** `/path message` of an ajv error; a member the schema does not list is named (`…additional properties: x`). */
function messageOf(e: ErrorObject): string {
  const extra = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty?: string }).additionalProperty : undefined;
  return `${e.instancePath || '/'} ${e.message ?? ''}${extra !== undefined ? `: ${extra}` : ''}`;
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
  const cache = new Map<string, { spec: ValidateFunction; ferme: ValidateFunction } | null>();
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
        cache.set(key, schema ? { spec: ajv.compile(strip(schema) as object), ferme: ajv.compile(fermer(strip(schema)) as object) } : null);
      }
      const validate = cache.get(key);
      if (!validate) return undefined;
      // The spec's errors, then the members it does not document (`/cerfa must NOT have additional properties: x`):
      // those are a warning of their own (serveur-membre-non-documente), judged apart from the blocking errors.
      const messages = validate.spec(body) ? [] : (validate.spec.errors ?? []).map(messageOf);
      if (!validate.ferme(body)) messages.push(...(validate.ferme.errors ?? []).filter((e) => e.keyword === 'additionalProperties').map(messageOf));
      return [...new Set(messages)].slice(0, 20);
    },
  };
}
