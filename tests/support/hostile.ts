// Hostile requests derived from the spec's operations, and the oracle every answer of the mock must satisfy.
import type { LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import { Ajv, type ValidateFunction } from 'ajv';
import * as addFormatsModule from 'ajv-formats';
import type { DossierLu } from '../../conformance/model/dossier.js';
import { createMockApp, type MockApp } from '../../mocks/app.js';
import { frozenClock } from '../../mocks/clock.js';
import { compileSpec, defaultSpecPath, type CompiledOperation } from '../../mocks/spec.js';
import { ADMIN, START } from '../../mocks/testdata/harness.js';
import { certificatFor, conventionFor, depotCerfa, factureFor, HEADERS, validCerfa } from '../../mocks/testdata/fixtures.js';

// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

export const CATEGORIES = [
  'wrong-type',
  'missing-field',
  'extra-field',
  'proto-key',
  'huge-string',
  'huge-array',
  'deep-nesting',
  'absurd-number',
  'injection',
  'invalid-utf8',
  'truncated',
  'content-type',
  'query',
  'path',
  'header',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface HostileCase {
  category: Category;
  /** `POST /v2/dossiers`: the spec operation the case was derived from. */
  op: string;
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** True when the input is invalid whatever the schema says (wrong JSON type, bytes that are not UTF-8…): 2xx is a failure. */
  mustReject: boolean;
  /** The parsed body the server sees, when it is JSON: checked against the spec's schema by an independent validator. */
  parsed?: unknown;
  note: string;
}

export const SEED = 'SEED-1';
export const SEED_FACTURE = 'FAC-SEED-1';

/** Strings aimed at SQL, paths, NUL handling, template engines and prototype lookups. */
export const TRICKS = [
  "' OR 1=1 --",
  "'; DROP TABLE dossiers; --",
  '" OR ""="',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  'SEED-1\u0000',
  '\u0000',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '\ud800',
  '\u202e',
  ' ',
  '',
  'SEED-1',
  '*',
  '%',
  '\\',
  'NaN',
  '-0',
  '1e308',
] as const;

const ABSURD_NUMBERS: unknown[] = [1e308, -1e308, -0, 5e-324, 2 ** 53 + 1, -1, 0, 1.0000001, 'NaN', 'Infinity', '-0', '1e308', 99999999999999999999];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type PathKey = string | number;

function paths(value: unknown, prefix: PathKey[] = [], out: PathKey[][] = []): PathKey[][] {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push([...prefix, i]), paths(v, [...prefix, i], out)));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push([...prefix, k]);
      paths(v, [...prefix, k], out);
    }
  }
  return out;
}

function getAt(root: unknown, path: PathKey[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<PathKey, unknown> | undefined)?.[k], root);
}

/** Sets (or with `undefined` deletes) a value; defineProperty so `__proto__` is an own key, as JSON.parse makes it. */
function setAt(root: Json, path: PathKey[], value: unknown): Json {
  const copy = structuredClone(root);
  if (path.length === 0) return value as Json;
  const parent = getAt(copy, path.slice(0, -1)) as Record<PathKey, unknown>;
  const key = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
    else delete parent[key];
  } else {
    Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

function jsonType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

function nest(depth: number, leaf: Json, asObject: boolean): string {
  // Built as text: a structure this deep would overflow JSON.stringify's recursion.
  return asObject ? `${'{"a":'.repeat(depth)}${JSON.stringify(leaf)}${'}'.repeat(depth)}` : `${'['.repeat(depth)}${JSON.stringify(leaf)}${']'.repeat(depth)}`;
}

function stripVendor(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(stripVendor);
  if (schema && typeof schema === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(schema)) if (k !== '$schema' && !k.startsWith('x-')) out[k] = stripVendor(v);
    return out;
  }
  return schema;
}

export interface BodyOperation {
  op: string;
  url: string;
  base: Json;
  mediaType: 'json' | 'form';
  /** An independent compilation of the operation's body schema (not the mock's validator). */
  schema: ValidateFunction | null;
}

export interface QueryOperation {
  op: string;
  url: string;
  params: { name: string; required: boolean; valid: string }[];
}

export interface HostileTarget {
  bodies: BodyOperation[];
  queries: QueryOperation[];
}

const VALID_QUERY: Record<string, string> = {
  numeroInterne: SEED,
  numeroPage: '1',
  numerosInternes: SEED,
  siren: '853000008',
  nom: 'MARTIN',
  prenom: 'Lucas',
  dateNaissance: '2004-09-01',
  siretEmployeur: '42100000100006',
  dateDebutContrat: '2026-01-15',
};

/** Reads the spec's operations; `dossier` is the seeded engaged dossier the valid bases refer to. */
export async function hostileTarget(dossier: DossierLu): Promise<HostileTarget> {
  const spec = await compileSpec(defaultSpecPath());
  const ajv = new Ajv({ strict: false, allErrors: false, logger: false });
  addFormats(ajv);
  const cerfa = validCerfa(SEED);
  const bases: Record<string, Json> = {
    '/dossiers': { cerfa } as unknown as Json,
    '/factures': factureFor(dossier, SEED_FACTURE) as unknown as Json,
    '/conventions': conventionFor(cerfa) as unknown as Json,
    '/certificats': certificatFor(dossier, SEED_FACTURE, 1, '2026-02-01') as unknown as Json,
    // Outside the contract: rejected even when the mutation leaves it schema-valid, so the seed stays ENGAGE.
    '/dossiers/rupture/employeur': { numeroInterne: SEED, dateRupture: '2031-01-01' },
    '/oauth/token': { grant_type: 'client_credentials', client_id: 'demo-client', client_secret: 'demo-secret' },
  };
  const bodies: BodyOperation[] = [];
  const queries: QueryOperation[] = [];
  for (const c of spec.operations as CompiledOperation[]) {
    const op = `${c.method.toUpperCase()} ${c.path}`;
    const url = c.path;
    const content = c.operation.request?.body?.contents?.[0];
    if (content) {
      const example = content.examples?.[0] as { value?: Json } | undefined;
      const base = bases[c.suffix] ?? example?.value ?? {};
      const json = /json/.test(content.mediaType);
      bodies.push({ op, url, base, mediaType: json ? 'json' : 'form', schema: json && content.schema ? ajv.compile(stripVendor(content.schema) as object) : null });
    } else {
      const params = (c.operation.request?.query ?? []).map((q) => ({ name: q.name, required: q.required === true, valid: VALID_QUERY[q.name] ?? 'x' }));
      queries.push({ op, url, params });
    }
  }
  return { bodies, queries };
}

const trick = fc.constantFrom(...TRICKS);
const hostileScalar: fc.Arbitrary<Json> = fc.oneof(
  trick,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...(ABSURD_NUMBERS as Json[])),
  fc.boolean(),
  fc.constant(null),
);

function withBody(t: BodyOperation, body: string | Buffer, category: Category, mustReject: boolean, note: string, parsed?: unknown): HostileCase {
  return {
    category,
    op: t.op,
    method: 'POST',
    url: t.url,
    headers: { ...HEADERS, 'content-type': t.mediaType === 'json' ? 'application/json' : 'application/x-www-form-urlencoded' },
    payload: body,
    mustReject,
    parsed,
    note,
  };
}

function mutated(t: BodyOperation, category: Category, body: Json | string, mustReject: boolean, note: string): HostileCase {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  if (t.mediaType === 'form') {
    // Form bodies are flat: nested values arrive as their JSON text.
    const flat = JSON.parse(text) as unknown;
    const form = flat && typeof flat === 'object' && !Array.isArray(flat) ? flat : { value: flat };
    const encoded = new URLSearchParams(Object.entries(form).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();
    return withBody(t, encoded, category, false, note);
  }
  return withBody(t, text, category, mustReject, note, JSON.parse(text));
}

interface Sizes {
  strings: number[];
  arrays: number[];
  depths: number[];
}

function bodyCase(t: BodyOperation, sizes: Sizes): fc.Arbitrary<HostileCase> {
  const all = paths(t.base);
  const strings = all.filter((p) => typeof getAt(t.base, p) === 'string');
  const objects: PathKey[][] = [[], ...all.filter((p) => jsonType(getAt(t.base, p)) === 'object')];
  const arrays = all.filter((p) => Array.isArray(getAt(t.base, p)));
  const pick = <T>(list: T[]): fc.Arbitrary<T> => (list.length > 0 ? fc.constantFrom(...list) : fc.constant(undefined as T));
  const anyPath = pick(all.length > 0 ? all : [[]]);
  const text = JSON.stringify(t.base);
  return fc.oneof(
    // A value of another JSON type (null excluded: many fields are nullable).
    fc.tuple(anyPath, fc.constantFrom<Json>(42, -1.5, true, 'texte', [], {}, [1, 'a'], { x: 1 })).map(([p, v]) => {
      const mustReject = getAt(t.base, p) !== null && jsonType(getAt(t.base, p)) !== jsonType(v);
      return mutated(t, 'wrong-type', setAt(t.base, p, v), mustReject, `${p.join('.')} := ${JSON.stringify(v)}`);
    }),
    anyPath.map((p) => mutated(t, 'missing-field', setAt(t.base, p, undefined), false, `delete ${p.join('.')}`)),
    fc.tuple(pick(objects), fc.oneof(fc.string({ maxLength: 12 }), trick), hostileScalar).map(([p, k, v]) =>
      mutated(t, 'extra-field', setAt(t.base, [...(p ?? []), k], v), false, `${(p ?? []).join('.')}.${k} := ${JSON.stringify(v)}`),
    ),
    fc.tuple(pick(objects), fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.constantFrom<Json>({ isAdmin: true, polluted: 'oui' }, { prototype: { polluted: 'oui' } }, 'x', null)).map(
      ([p, k, v]) => mutated(t, 'proto-key', setAt(t.base, [...(p ?? []), k], v), false, `${(p ?? []).join('.')}.${k}`),
    ),
    fc.tuple(pick(strings.length > 0 ? strings : [[]]), fc.constantFrom(...sizes.strings), fc.constantFrom('A', 'é', '0', ' ', "'")).map(([p, n, ch]) =>
      mutated(t, 'huge-string', setAt(t.base, p, ch.repeat(n)), false, `${p.join('.')} := ${ch}×${n}`),
    ),
    fc.tuple(fc.option(pick(arrays), { nil: undefined }), anyPath, fc.constantFrom(...sizes.arrays)).map(([arr, p, n]) => {
      // Either an existing array repeated (schema-valid, stresses the engine) or any field turned into a long array.
      const target = arr ?? p;
      const item = arr ? ((getAt(t.base, arr) as Json[])[0] ?? 1) : 1;
      const mustReject = !arr && getAt(t.base, target) !== null && !Array.isArray(getAt(t.base, target));
      return mutated(t, 'huge-array', setAt(t.base, target, Array.from({ length: n }, () => item)), mustReject, `${target.join('.')} := [${n}]`);
    }),
    fc.tuple(anyPath, fc.constantFrom(...sizes.depths), fc.boolean()).map(([p, depth, asObject]) => {
      const marker = '"__NEST__"';
      const withMarker = JSON.stringify(setAt(t.base, p, '__NEST__'));
      const body = withMarker.replace(marker, nest(depth, 1, asObject));
      const mustReject = getAt(t.base, p) !== null && jsonType(getAt(t.base, p)) !== (asObject ? 'object' : 'array');
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        parsed = undefined;
      }
      return t.mediaType === 'json'
        ? withBody(t, body, 'deep-nesting', mustReject || parsed === undefined, `${p.join('.')} := depth ${depth}`, parsed)
        : mutated(t, 'deep-nesting', setAt(t.base, p, 'x'), false, 'form');
    }),
    fc.tuple(anyPath, fc.constantFrom(...(ABSURD_NUMBERS as Json[]))).map(([p, v]) => {
      const mustReject = getAt(t.base, p) !== null && jsonType(getAt(t.base, p)) !== jsonType(v);
      return mutated(t, 'absurd-number', setAt(t.base, p, v), mustReject, `${p.join('.')} := ${String(v)}`);
    }),
    fc.tuple(pick(strings.length > 0 ? strings : [[]]), trick).map(([p, v]) => mutated(t, 'injection', setAt(t.base, p, v), false, `${p.join('.')} := ${JSON.stringify(v)}`)),
    fc.tuple(fc.nat(), fc.constantFrom([0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82], [0xc0, 0xaf])).map(([at, bytes]) => {
      // The bytes go inside a string value, where a lenient decoder would silently turn them into U+FFFD.
      const quotes = [...text.matchAll(/"/g)].map((m) => m.index ?? 0);
      const q = quotes.length > 0 ? (quotes[at % quotes.length] ?? 0) : 0;
      const bytesIn = Buffer.concat([Buffer.from(text.slice(0, q + 1)), Buffer.from(bytes), Buffer.from(text.slice(q + 1))]);
      return withBody(t, bytesIn, 'invalid-utf8', t.mediaType === 'json', `bytes ${bytes.map((b) => b.toString(16)).join(' ')} at ${q + 1}`);
    }),
    fc.nat().map((n) => {
      const cut = text.length > 1 ? 1 + (n % (text.length - 1)) : 0;
      return withBody(t, text.slice(0, cut), 'truncated', t.mediaType === 'json', `cut at ${cut}/${text.length}`);
    }),
    fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/octet-stream', '', 'application/jsonx', 'text/json', 'application/json; charset=latin1').map((type) => {
      const c = withBody(t, text, 'content-type', false, `content-type ${type || '(none)'}`);
      if (type === '') delete c.headers['content-type'];
      else c.headers['content-type'] = type;
      // A JSON body announced as something else is not the operation's body.
      c.mustReject = t.mediaType === 'json' && !/^application\/json(;|$)/.test(type);
      return c;
    }),
  );
}

function queryCase(t: QueryOperation): fc.Arbitrary<HostileCase> {
  const value = fc.oneof(trick, fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('A'.repeat(100_000), '1e308', '-1', '0', '1.5', '-0', 'NaN', '99999999999999999999'));
  const encode = (v: string): string => {
    try {
      return encodeURIComponent(v);
    } catch {
      return escape(v);
    }
  };
  return fc
    .tuple(
      fc.array(fc.tuple(fc.nat(), value, fc.boolean()), { maxLength: 4 }),
      fc.subarray(t.params.map((p) => p.name)),
      fc.option(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', "' OR 1=1 --", 'numeroPage[]', 'a[b]'), value), { nil: undefined }),
    )
    .map(([changes, dropped, extra]) => {
      const pairs: [string, string][] = t.params.filter((p) => !dropped.includes(p.name)).map((p) => [p.name, p.valid]);
      for (const [i, v, repeat] of changes) {
        const p = t.params[i % Math.max(1, t.params.length)];
        if (!p) continue;
        if (repeat) pairs.push([p.name, v]);
        else for (const pair of pairs) if (pair[0] === p.name) pair[1] = v;
      }
      if (extra) pairs.push(extra);
      const qs = pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
      return { category: 'query' as const, op: t.op, method: 'GET' as const, url: qs ? `${t.url}?${qs}` : t.url, headers: { ...HEADERS }, mustReject: false, note: qs.slice(0, 200) };
    });
}

const HOSTILE_PATHS = [
  '/v2/dossiers/../../etc/passwd',
  '/v2/%2e%2e/%2e%2e/etc/passwd',
  '/v2/dossiers%00',
  '/v2/dossiers%00.json',
  '/v2/dossiers/%E0%A4%A',
  '/v2/%',
  '/%',
  '/%c0%ae%c0%ae/etc/passwd',
  '/v2//dossiers/etats',
  '/__proto__/v2/dossiers/etats',
  '/constructor/v2/dossiers/etats',
  '/prototype/v2/status',
  '/v2/dossiers/etats/',
  '/V2/DOSSIERS/ETATS',
  '/v2/dossiers;numeroInterne=SEED-1',
  `/v2/${'a/'.repeat(2_000)}`,
  `/v2/${'x'.repeat(60_000)}`,
  '/atlas/../v2/dossiers/etats',
  '/v3/dossiers',
  '/v2/dossiers/etats?numeroPage=%',
  '/v2/dossiers?numeroInterne=%E0%A4%A',
  '/v2/dossiers?numeroInterne=%00',
  '/v2/dossiers/liste?numerosInternes=%27%20OR%201%3D1%20--',
  '/_admin/../v2/status',
];

const pathCase = fc.tuple(fc.constantFrom(...HOSTILE_PATHS), fc.constantFrom<'GET' | 'POST'>('GET', 'POST')).map(
  ([url, method]): HostileCase => ({
    category: 'path',
    op: `${method} ${url.split('?')[0]?.slice(0, 60)}`,
    method,
    url,
    headers: { ...HEADERS, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
    ...(method === 'POST' ? { payload: JSON.stringify(depotCerfa(SEED)) } : {}),
    mustReject: method === 'POST',
    note: url.slice(0, 120),
  }),
);

const headerCase = fc
  .tuple(fc.constantFrom('x-api-key', 'editeur', 'logiciel', 'version', 'authorization'), fc.oneof(trick, fc.constantFrom('A'.repeat(8_000), 'demo-cfa-key ', ' demo-cfa-key')), fc.constantFrom('/v2/dossiers/etats', '/akto/v2/dossiers/etats', '/v2/cfakeyinfo'))
  .map(([name, value, url]): HostileCase => {
    // Header values cannot carry NUL or control characters on the wire; light-my-request would refuse them too.
    const clean = value.replace(/[\u0000-\u001f\u007f-\uffff]/g, '?');
    return { category: 'header', op: `GET ${url}`, method: 'GET', url, headers: { ...HEADERS, [name]: clean }, mustReject: name === 'x-api-key' || url.startsWith('/akto'), note: `${name}: ${clean.slice(0, 40)}` };
  });

/** `heavy` adds the largest sizes (1 MB strings, 100 000 items, depth 100 000): for the soak, too slow for every test run. */
export function hostileCase(target: HostileTarget, heavy = false): fc.Arbitrary<HostileCase> {
  const sizes: Sizes = heavy
    ? { strings: [1_000, 10_000, 100_000, 1_000_000], arrays: [1_000, 10_000, 100_000], depths: [64, 1_000, 10_000, 100_000] }
    : { strings: [1_000, 10_000, 100_000], arrays: [100, 1_000, 5_000], depths: [64, 1_000, 10_000] };
  return fc.oneof(
    { weight: 12, arbitrary: fc.oneof(...target.bodies.map((t) => bodyCase(t, sizes))) },
    { weight: 3, arbitrary: fc.oneof(...target.queries.map(queryCase)) },
    { weight: 1, arbitrary: pathCase },
    { weight: 1, arbitrary: headerCase },
  );
}

/** The memory-store mock under test, with the seeded engaged dossier and its accepted invoice. */
export interface HostileMock {
  mock: MockApp;
  target: HostileTarget;
  /** Deletes everything and seeds again (keeps the store small across long runs). */
  reseed(): Promise<void>;
  snapshot(): Promise<string>;
}

async function ok(res: LightMyRequestResponse, what: string): Promise<LightMyRequestResponse> {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res;
}

export async function startHostileMock(): Promise<HostileMock> {
  const mock = await createMockApp({ clock: frozenClock(START), store: 'memory' });
  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = HEADERS) =>
    mock.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  let dossier: DossierLu | undefined;
  const reseed = async (): Promise<void> => {
    await ok(await inject('POST', '/_admin/reset', {}, ADMIN), 'reset');
    await ok(await inject('POST', '/v2/dossiers', depotCerfa(SEED)), 'seed dossier');
    await ok(await inject('PUT', '/_admin/clock', { advance: 'P5D' }, ADMIN), 'clock');
    dossier = (await ok(await inject('GET', `/v2/dossiers?numeroInterne=${SEED}`), 'read seed')).json() as DossierLu;
    if (dossier.cerfa.etat !== 'ENGAGE') throw new Error(`seed not engaged: ${dossier.cerfa.etat}`);
    await ok(await inject('POST', '/v2/factures', factureFor(dossier, SEED_FACTURE, 1, '2026-01-21')), 'seed facture');
  };
  await reseed();
  const target = await hostileTarget(dossier!);
  const snapshot = async (): Promise<string> => {
    const state = (await inject('GET', '/_admin/state', undefined, ADMIN)).json() as { partitions: unknown; clock: unknown };
    const seed = (await inject('GET', `/v2/dossiers?numeroInterne=${SEED}`)).body;
    const factures = (await inject('GET', '/v2/factures/etats?numeroPage=1')).body;
    return JSON.stringify([state.partitions, state.clock, seed, factures]);
  };
  return { mock, target, reseed, snapshot };
}

export interface Outcome {
  status: number;
  /** Null when the answer satisfies the oracle; else why not. */
  failure: string | null;
  /** The store snapshot after the request, when the judge took one (the next case's `before`). */
  after?: string;
}

const TIMEOUT_MS = 10_000;

/** Sends one case and judges the answer; `before` is the store snapshot taken before it. */
export async function judge(h: HostileMock, c: HostileCase, before: string): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS)));
  let res: LightMyRequestResponse | 'timeout';
  try {
    res = await Promise.race([h.mock.app.inject({ method: c.method, url: c.url, headers: c.headers, ...(c.payload === undefined ? {} : { payload: c.payload }) }), timeout]);
  } catch (error) {
    return { status: 0, failure: `inject threw: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    clearTimeout(timer);
  }
  if (res === 'timeout') return { status: 0, failure: `no answer within ${TIMEOUT_MS} ms` };
  const status = res.statusCode;
  const fail = (why: string): Outcome => ({ status, failure: `${why} — ${res.body.slice(0, 300)}` });
  if (status >= 500) return fail(`answered ${status}`);
  if (status >= 400) {
    if (!String(res.headers['content-type']).startsWith('application/problem+json')) return fail(`${status} without application/problem+json`);
    const body = res.json() as { status?: number; errors?: { code?: string; champ?: string }[] };
    if (body.status !== status) return fail('problem status differs from the HTTP status');
    if (!Array.isArray(body.errors) || body.errors.length === 0) return fail('problem without errors[]');
    // An unknown path names no field; every other rejection must name what is wrong.
    const pathProblem = status === 404 && body.errors.every((e) => e.code === 'OPERATION_INCONNUE');
    if (!pathProblem && !body.errors.every((e) => typeof e.champ === 'string' && e.champ.trim() !== '')) return fail('an error without champ');
    // Reads never write (the lifecycle is computed when read, no timers): only rejected writes are re-read.
    if (c.method === 'GET') return { status, failure: null };
    const after = await h.snapshot();
    if (after !== before) {
      const rejectedInvoice = c.op.endsWith('/factures') && res.body.includes('FACTURE_REJETEE');
      if (!rejectedInvoice || !sameExceptRejectedInvoice(before, after)) return { ...fail('the store changed although the request was rejected'), after };
    }
    return { status, failure: null, after };
  }
  if (c.mustReject) return fail(`${status} for an input that is invalid by construction`);
  const schema = h.target.bodies.find((b) => b.op === c.op)?.schema;
  if (schema && c.parsed !== undefined && !schema(c.parsed)) return fail(`${status} for a body the spec's schema rejects (${schema.errors?.[0]?.instancePath} ${schema.errors?.[0]?.message})`);
  if (status === 200 && c.method === 'GET') {
    const leak = leaked(c, res);
    if (leak) return fail(leak);
  }
  return { status, failure: null };
}

/** A rejected invoice is listed REJETEE by design (the FAQ): the dossiers and accepted invoices must still be as they were. */
function sameExceptRejectedInvoice(before: string, after: string): boolean {
  const [pb, cb, sb, fb] = JSON.parse(before) as [unknown, unknown, string, string];
  const [pa, ca, sa, fa] = JSON.parse(after) as [unknown, unknown, string, string];
  if (JSON.stringify(cb) !== JSON.stringify(ca) || sb !== sa) return false;
  const dossiers = (p: unknown): string => JSON.stringify((p as { dossiers: number }[]).map((x) => x.dossiers));
  if (dossiers(pb) !== dossiers(pa)) return false;
  type Etat = { numeroInterneFacture: string; etatFacture: string };
  const accepted = (f: string): string => JSON.stringify(((JSON.parse(f) as { factures: Etat[] }).factures ?? []).filter((x) => x.etatFacture !== 'REJETEE').map((x) => x.numeroInterneFacture).sort());
  return accepted(fb) === accepted(fa);
}

/** A read answered 200 must only return what was asked for (no injection widening a lookup). */
function leaked(c: HostileCase, res: LightMyRequestResponse): string | null {
  const params = new URLSearchParams(c.url.split('?')[1] ?? '');
  if (/\/dossiers$/.test(c.op)) {
    const body = res.json() as { cerfa?: { numeroInterne?: string } };
    const asked = params.getAll('numeroInterne');
    if (!asked.includes(body.cerfa?.numeroInterne ?? '')) return `GET dossier returned ${body.cerfa?.numeroInterne} for ${JSON.stringify(asked)}`;
  }
  if (/\/dossiers\/liste$/.test(c.op)) {
    const asked = new Set(params.getAll('numerosInternes').flatMap((v) => [v, ...v.split(',')]));
    const body = res.json() as unknown;
    const items = (Array.isArray(body) ? body : ((body as { dossiers?: unknown[] }).dossiers ?? [])) as { numeroInterne?: string; cerfa?: { numeroInterne?: string } }[];
    for (const item of items) {
      const n = item.numeroInterne ?? item.cerfa?.numeroInterne;
      if (n !== undefined && !asked.has(n)) return `liste returned ${n}, not asked for`;
    }
  }
  return null;
}

/** Counts per category and per status, for the test log and the soak report. */
export class Tally {
  readonly byCategory = new Map<string, number>();
  readonly byStatus = new Map<number, number>();
  readonly msByCategory = new Map<string, number>();
  readonly failures: { c: HostileCase; outcome: Outcome }[] = [];
  total = 0;

  add(c: HostileCase, outcome: Outcome, ms = 0): void {
    this.total++;
    this.msByCategory.set(c.category, (this.msByCategory.get(c.category) ?? 0) + ms);
    this.byCategory.set(c.category, (this.byCategory.get(c.category) ?? 0) + 1);
    this.byStatus.set(outcome.status, (this.byStatus.get(outcome.status) ?? 0) + 1);
    if (outcome.failure) this.failures.push({ c, outcome });
  }

  report(): string {
    const cat = [...this.byCategory].sort().map(([k, v]) => `${k} ${v}`).join(', ');
    const st = [...this.byStatus].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${k}: ${v}`).join(', ');
    const ms = [...this.msByCategory].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ');
    return `${this.total} hostile cases, ${this.failures.length} failure(s)\n  per category: ${cat}\n  per status: ${st}\n  ms per category: ${ms}`;
  }
}
