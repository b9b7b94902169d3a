// A lean node:http path, ahead of Fastify, for the two hot calls (GET /v2/dossiers?numeroInterne=, POST /v2/dossiers).
//
// It answers only the plain, successful case: root path (default OPCO), known key and software headers, no OAuth2,
// no `Prefer`, no armed fault, no broken variant, nothing else asking for Fastify's pipeline (`active()`), a simple
// query / a JSON body that is valid, judged acceptable and stored. Everything else — every error answer included —
// is handed to Fastify untouched, so those answers are Fastify's own; a POST whose body was already read is handed
// over with that body replayed (`replayBody`, a preParsing hook of the app). What it does answer is what Fastify
// would: same engine calls, same JSON, same headers, same request log entry (mocks/fast-path.test.ts compares
// both paths over real sockets).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { Clock } from './clock.js';
import { engineContext, type Delais, type EngineContext } from './engine/context.js';
import type { Referentiel } from './engine/referentiel.js';
import type { OpcoProfile } from './profiles.js';
import { redactSecret } from './redact.js';
import type { CompiledOperation } from './spec.js';
import type { MockStore } from './store/types.js';
import type { CfaTenant, TenantRegistry } from './tenants.js';
import type { FaultInjector } from './faults.js';
import type { Breaks } from './variants/index.js';
import type { RequestLogEntry } from './http/types.js';

/** What the lean path reads of the app's mutable state, at every request (the admin API may replace parts). */
export interface FastPathRuntime {
  store: MockStore;
  clock: Clock;
  tenants: TenantRegistry;
  profiles: Map<string, OpcoProfile>;
  defaultOpco: string;
  faults: FaultInjector;
  spec: { find(method: string, path: string): CompiledOperation | undefined };
  breaks: Breaks;
}

export interface FastPathOptions {
  runtime: FastPathRuntime;
  delais: Delais;
  pageSize: number;
  referentiel: Referentiel;
  /** The engine's dossier operations once loaded (mocks/http/engine-table.ts, loaded after start); until then Fastify answers. */
  engine: () => typeof import('./engine/dossiers.js') | undefined;
  /** The app's write queue: deposits are grouped and committed with every other write. */
  writes: { run<T>(fn: () => Promise<T>): Promise<T> };
  /** Largest body Fastify accepts; a larger declared body goes to Fastify (413). */
  bodyLimit: number;
  onRequest?: (entry: RequestLogEntry) => void;
  /**
   * Brings the runtime up to date with other instances sharing the store (mocks/store/stamp-watcher.ts), awaited
   * before the state is read to answer; a failure hands the request to Fastify, whose own hook tries again.
   */
  sync?: () => Promise<void>;
  /** False while something needs every request to go through Fastify (hooks of another mode); checked per request. */
  active?: () => boolean;
}

type Next = (req: IncomingMessage, res: ServerResponse) => void;

const GET_PREFIX = '/v2/dossiers?numeroInterne=';
/** Values that Fastify's query parser and ours read the same way: no percent-encoding, `+`, `&` or `=`. */
const PLAIN_VALUE = /^[A-Za-z0-9._~-]+$/;
const JSON_TYPE = 'application/json; charset=utf-8';
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bodies already read by the lean path, handed to Fastify's preParsing hook when it gives a request back. */
const replayed = new WeakMap<IncomingMessage, Buffer>();

/** The app's preParsing hook: a request the lean path gave back after reading its body gets that body again. */
export function replayBody(raw: IncomingMessage): Readable | undefined {
  const body = replayed.get(raw);
  if (!body) return undefined;
  replayed.delete(raw);
  return Readable.from([body], { objectMode: false });
}

function plainHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Returns the request handler to put in front of Fastify's (`next`). */
export function createFastPath(options: FastPathOptions): (req: IncomingMessage, res: ServerResponse, next: Next) => void {
  const { runtime } = options;
  /** The spec's operation and the default OPCO's profile, when the lean path can serve that operation there at all. */
  const servable = (method: 'GET' | 'POST'): { profile: OpcoProfile; op: CompiledOperation } | undefined => {
    const profile = runtime.profiles.get(runtime.defaultOpco);
    const op = runtime.spec.find(method, '/v2/dossiers');
    if (!profile || !op || op.suffix !== '/dossiers' || profile.oauth2Required || !profile.capabilities.includes('dossiers')) return undefined;
    if (op.version && !profile.versions.includes(op.version)) return undefined;
    if (runtime.profiles.has('v2')) return undefined;
    return { profile, op };
  };

  const plain = (req: IncomingMessage): boolean =>
    runtime.breaks.size === 0 && req.headers.prefer === undefined && runtime.faults.list().length === 0 && (options.active?.() ?? true);

  /** The caller, when the key and the software headers are all fine (else Fastify answers the problem). */
  const caller = (req: IncomingMessage, profile: OpcoProfile): CfaTenant | undefined => {
    const key = plainHeader(req, 'x-api-key');
    const editeur = plainHeader(req, 'editeur');
    if (!key || !editeur || !plainHeader(req, 'logiciel') || !plainHeader(req, 'version')) return undefined;
    const tenant = runtime.tenants.findByKey(profile.id, key);
    if (!tenant || (tenant.editeurs && !tenant.editeurs.includes(editeur))) return undefined;
    return tenant;
  };

  // The OPCO as Fastify's route names it: the root paths serve the default OPCO.
  const context = (profile: OpcoProfile, tenant: CfaTenant): EngineContext => engineContext(options, profile, tenant, runtime.defaultOpco);

  const answer = (req: IncomingMessage, res: ServerResponse, started: number, status: number, payload: string, tenant: CfaTenant): void => {
    res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(payload) });
    res.end(payload);
    options.onRequest?.({
      method: req.method ?? '',
      path: (req.url ?? '').split('?')[0] ?? '',
      status,
      ms: Math.round(performance.now() - started),
      opco: runtime.defaultOpco,
      cfa: tenant.siret,
      key: redactSecret(plainHeader(req, 'x-api-key')),
    });
  };

  /** Whether the runtime is up to date (no `sync`: always). */
  const synced = async (): Promise<boolean> => {
    if (!options.sync) return true;
    try {
      await options.sync();
      return true;
    } catch {
      return false;
    }
  };

  const read = async (req: IncomingMessage, res: ServerResponse, next: Next, started: number): Promise<void> => {
    if (options.sync && !(await synced())) return next(req, res);
    const target = servable('GET');
    const dossiers = options.engine();
    const value = (req.url ?? '').slice(GET_PREFIX.length);
    const hasBody = req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined;
    if (!target || !dossiers || hasBody || !PLAIN_VALUE.test(value) || !plain(req)) return next(req, res);
    const tenant = caller(req, target.profile);
    if (!tenant) return next(req, res);
    const query = { numeroInterne: value };
    if (target.op.validateQuery && !target.op.validateQuery({ ...query })) return next(req, res);
    let status = 200;
    let payload: string | undefined;
    try {
      const ctx = context(target.profile, tenant);
      // The stored CERFA spliced into the answer when the store allows it, else the engine's read serialised.
      payload = dossiers.lireDossierJson(ctx, value);
      if (payload === undefined) {
        const result = await dossiers.lireDossier(ctx, { query, body: undefined });
        status = result.status;
        payload = JSON.stringify(result.body);
      }
    } catch {
      // Unknown dossier, or anything unexpected: Fastify's path answers it (and logs it) as it always did.
      return next(req, res);
    }
    answer(req, res, started, status, payload, tenant);
  };

  const deposit = (req: IncomingMessage, res: ServerResponse, next: Next, started: number): void => {
    const target = servable('POST');
    const dossiers = options.engine();
    const length = Number(req.headers['content-length']);
    if (
      !target ||
      !dossiers ||
      req.headers['content-type'] !== 'application/json' ||
      req.headers['transfer-encoding'] !== undefined ||
      !(Number.isInteger(length) && length > 0 && length <= options.bodyLimit) ||
      !plain(req)
    ) {
      return next(req, res);
    }
    const tenant = caller(req, target.profile);
    if (!tenant) return next(req, res);
    const chunks: Buffer[] = [];
    let received = 0;
    // A client that goes away mid-body: nothing to answer, as on Fastify's path.
    req.on('error', () => undefined);
    req.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
    });
    req.once('end', () => {
      const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received);
      const giveBack = (): void => {
        replayed.set(req, raw);
        next(req, res);
      };
      void (async () => {
        // What Fastify's JSON parser, then the handler's checks, would do; any refusal is Fastify's to answer.
        let body: unknown;
        try {
          const text = utf8.decode(raw);
          if (text.trim() === '') return giveBack();
          body = JSON.parse(text);
        } catch {
          return giveBack();
        }
        // Faults and modes are checked again once the body is in, where Fastify's handler checks them (and once
        // another instance's admin changes are loaded).
        if ((options.sync && !(await synced())) || !plain(req) || caller(req, target.profile) !== tenant) return giveBack();
        if (target.op.validateQuery && !target.op.validateQuery({})) return giveBack();
        if (target.op.validateBody && (body === undefined || !target.op.validateBody(body))) return giveBack();
        let result;
        try {
          const write = dossiers.preparerDepot(context(target.profile, tenant), { query: {}, body });
          result = await options.writes.run(write);
        } catch {
          // A rejected deposit (rules, duplicate) or a failed write, rolled back: Fastify's path judges it again and answers.
          return giveBack();
        }
        answer(req, res, started, result.status, JSON.stringify(result.body), tenant);
      })();
    });
  };

  return (req, res, next) => {
    const started = performance.now();
    if (req.method === 'GET' && req.url?.startsWith(GET_PREFIX)) void read(req, res, next, started);
    else if (req.method === 'POST' && req.url === '/v2/dossiers') deposit(req, res, next, started);
    else next(req, res);
  };
}

/**
 * Fastify's `serverFactory`: the node:http server Fastify would create (same timeouts), with `front` seeing each
 * request first. `front` is read per request, so it can be installed once the app's state exists.
 */
export function serverFactoryWith(front: () => ((req: IncomingMessage, res: ServerResponse, next: Next) => void) | undefined) {
  return (handler: Next, opts: Record<string, unknown>): Server => {
    const server = createServer((opts.http ?? {}) as object, (req, res) => {
      const lean = front();
      if (lean) lean(req, res, handler);
      else handler(req, res);
    });
    server.keepAliveTimeout = opts.keepAliveTimeout as number;
    server.requestTimeout = opts.requestTimeout as number;
    server.setTimeout(opts.connectionTimeout as number);
    if ((opts.maxRequestsPerSocket as number) > 0) server.maxRequestsPerSocket = opts.maxRequestsPerSocket as number;
    return server;
  };
}
