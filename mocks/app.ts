// The stateful mock OPCO as a Fastify app: routing from the spec, tenants and auth, validation, engine, admin API.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { createInstance, IHttpRequest } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { clockFromState, frozenClock, systemClock, type Clock, type ClockState } from './clock.js';
import { MockProblem, type ProblemBody } from './errors.js';
import { FaultInjector, preferEffect, type FaultEffect } from './faults.js';
import { bundledProfiles, DEFAULT_OPCO, opcoOfPath, withOverrides, type Capability, type OpcoProfile } from './profiles.js';
import { compileSpec, defaultSpecPath, ajvToNormErrors, type CompiledOperation, type CompiledSpec } from './spec.js';
import { openStore } from './store/index.js';
import type { MockStore } from './store/types.js';
import { DEFAULT_DELAIS, DEMO, demoConfig, TenantRegistry, type CfaTenant, type MockConfig, type OAuthClient } from './tenants.js';
import { engineContext, type Delais, type EngineContext, type OperationInput, type OperationResult } from './engine/context.js';
import { bundledReferentiel, type Referentiel } from './engine/referentiel.js';
import { registerAdmin } from './admin.js';
import { redactSecret } from './redact.js';
import { createFastPath, replayBody, serverFactoryWith } from './fast-path.js';
import { isBroken, parseBreaks, type Breaks } from './variants/index.js';
import { BODY_LIMIT, BODY_LIMIT_BROKEN } from './variants/behaviours.js';
import { registerVariantHooks } from './variants/http.js';
import type { CertificationRecorder, CertificationOptions } from './certification/recorder.js';

export interface MockAppOptions {
  /** OpenAPI file; the project's spec/openapi.yaml by default. */
  spec?: string;
  /** `memory` (default here; the CLI defaults to a SQLite file) or the path of a SQLite file. */
  store?: 'memory' | string;
  /** Parsed tenant config; the demo tenant when absent. */
  config?: MockConfig;
  /** Clock to use; when absent the clock saved in the store is restored, else real time. */
  clock?: Clock;
  logger?: false;
  /**
   * The lean node:http path for plain GET /v2/dossiers?numeroInterne= and POST /v2/dossiers (mocks/fast-path.ts);
   * on by default, `false` sends every request through Fastify (tests compare both).
   */
  fastPath?: boolean;
  /** Called once per answered request with a redacted summary (the CLI prints it). */
  onRequest?: (entry: RequestLogEntry) => void;
  /** Called with any unexpected error (answered 500 ERREUR_INTERNE); the CLI prints it. */
  onError?: (error: unknown) => void;
  /** Overrides the bundled sample référentiel (tests). */
  referentiel?: Referentiel;
  /** Broken variants (ids of mocks/variants) to check that a conformance suite fails; an unknown id throws UnknownVariantError. */
  breaks?: readonly string[];
  /**
   * Time (ms) a client has to send a whole request, headers and body; past it Node answers 408 and closes the
   * connection, so a stalled or dripping client cannot hold a socket forever. 60 s by default. Answering time
   * (`Prefer: latency`, the write queue) does not count.
   */
  requestTimeoutMs?: number;
  /**
   * Certification mode (`convergence test cfa`): each CFA key is a session whose exchanges are recorded in the store,
   * the script's plays answer some requests, its delays replace the config's. Absent: no recording, no extra hook.
   */
  certification?: CertificationOptions;
}

export interface RequestLogEntry {
  method: string;
  /** Path only: query strings may carry personal data (appairage) and are never logged. */
  path: string;
  status: number;
  ms: number;
  opco?: string;
  cfa?: string;
  key?: string;
}

export interface MockApp {
  app: FastifyInstance;
  /** The app's store (certification: `listSessions`, `getSession`, with `loadSession` of mocks/certification). */
  store: MockStore;
  close(): Promise<void>;
}

type PrismInstance = ReturnType<typeof createInstance>;

type Handler = (ctx: EngineContext, input: OperationInput) => Promise<OperationResult>;

interface EngineOperation {
  capability: Capability | null;
  handler: Handler;
  /** Writes go through one queue so read-then-write checks (duplicates) cannot interleave. */
  writes: boolean;
  /** Work that needs no store (judging a payload), done before the queue; returns the write to queue. */
  prepare?: (ctx: EngineContext, input: OperationInput) => () => Promise<OperationResult>;
}

/**
 * What the engine models, keyed by method and path after the version prefix. The engine's modules pull in the rule
 * catalogue (about 150 ms of module loading): they are loaded once the app is up (`loadEngine`), not before it
 * listens; a request arriving before they are in waits for them (docs/benchmarks.md).
 */
const engineTable = (
  dossiers: typeof import('./engine/dossiers.js'),
  factures: typeof import('./engine/factures.js'),
  pieces: typeof import('./engine/pieces.js'),
): Record<string, EngineOperation> => ({
  'POST /dossiers': { capability: 'dossiers', handler: dossiers.deposerDossier, prepare: dossiers.preparerDepot, writes: true },
  'GET /dossiers': { capability: 'dossiers', handler: dossiers.lireDossier, writes: false },
  'GET /dossiers/etats': { capability: 'dossiers', handler: dossiers.etatsDossiers, writes: false },
  'GET /dossiers/liste': { capability: 'dossiers', handler: dossiers.listeDossiers, writes: false },
  'GET /dossiers/appairage': { capability: 'dossiers', handler: dossiers.appairage, writes: false },
  'POST /dossiers/rupture/employeur': { capability: 'rupture', handler: dossiers.ruptureEmployeur, writes: true },
  'POST /factures': { capability: 'factures', handler: factures.deposerFacture, writes: true },
  'GET /factures/etats': { capability: 'facturesEtats', handler: factures.etatsFactures, writes: false },
  'POST /conventions': { capability: 'conventions', handler: pieces.deposerConvention, writes: true },
  'POST /certificats': { capability: 'certificats', handler: pieces.deposerCertificat, writes: true },
  'POST /documents': { capability: 'documents', handler: pieces.deposerDocument, writes: true },
  'GET /cfakeyinfo': { capability: 'cfakeyinfo', handler: cfaKeyInfo, writes: false },
});

/** The keys of `engineTable`, known without loading the engine (mocks/fast-path.test.ts checks they are the same). */
export const ENGINE_OPERATIONS: readonly string[] = [
  'POST /dossiers',
  'GET /dossiers',
  'GET /dossiers/etats',
  'GET /dossiers/liste',
  'GET /dossiers/appairage',
  'POST /dossiers/rupture/employeur',
  'POST /factures',
  'GET /factures/etats',
  'POST /conventions',
  'POST /certificats',
  'POST /documents',
  'GET /cfakeyinfo',
];

let engineLoading: Promise<Record<string, EngineOperation>> | undefined;
let loadedEngine: Record<string, EngineOperation> | undefined;
let loadedDossiers: typeof import('./engine/dossiers.js') | undefined;

/** Loads the engine's modules once (every app of the process shares them). */
export function loadEngine(): Promise<Record<string, EngineOperation>> {
  engineLoading ??= Promise.all([import('./engine/dossiers.js'), import('./engine/factures.js'), import('./engine/pieces.js')]).then(
    ([dossiers, factures, pieces]) => {
      loadedDossiers = dossiers;
      return (loadedEngine = engineTable(dossiers, factures, pieces));
    },
    (error: unknown) => {
      // A later request tries again (and answers the error) rather than every request failing on a cached rejection.
      engineLoading = undefined;
      throw error;
    },
  );
  return engineLoading;
}

async function cfaKeyInfo(ctx: EngineContext): Promise<OperationResult> {
  const end = new Date(ctx.clock.now().getTime() + 365 * 86_400_000).toISOString().slice(0, 10);
  return { status: 200, body: { status: 'success', dateFinValidite: end, comment: `Clé valide pour ${ctx.tenant.denomination}` } };
}

interface PendingWrite {
  fn: () => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Write operations run one at a time (so read-then-write checks cannot interleave) and are committed in groups: the
 * operations queued while one group runs form the next group, in one store transaction with a nested unit each, and
 * are answered only after the group's commit — durable like one commit each, with one fsync per group. A
 * MockProblem is an answer, not a failure: what the operation wrote before it (a rejected invoice listed REJETEE)
 * is kept; any other error rolls back that operation's unit only.
 */
export class WriteQueue {
  private pending: PendingWrite[] = [];
  private draining: Promise<void> | undefined;

  constructor(private readonly store: () => MockStore) {}

  run<T>(fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      this.draining ??= this.drain().finally(() => (this.draining = undefined));
    });
  }

  async idle(): Promise<void> {
    await this.draining;
  }

  private async drain(): Promise<void> {
    // Yield once to the event loop before each group, so requests already received join it.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.pending.length > 0) {
      const group = this.pending.splice(0, 256);
      const store = this.store();
      const outcomes: { ok: boolean; value: unknown }[] = [];
      try {
        await store.transaction(async () => {
          for (const item of group) {
            try {
              const value = await store.transaction(async () => {
                try {
                  return { value: await item.fn() };
                } catch (error) {
                  if (error instanceof MockProblem) return { problem: error };
                  throw error;
                }
              });
              outcomes.push(value.problem ? { ok: false, value: value.problem } : { ok: true, value: value.value });
            } catch (error) {
              outcomes.push({ ok: false, value: error });
            }
          }
        });
      } catch (error) {
        for (const item of group) item.reject(error);
        continue;
      }
      group.forEach((item, i) => {
        const outcome = outcomes[i];
        if (outcome?.ok) item.resolve(outcome.value);
        else item.reject(outcome?.value);
      });
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}

/** Mutable state shared by the request handlers and the admin API. */
export interface MockRuntime {
  store: MockStore;
  clock: Clock;
  initialClock: ClockState;
  config: MockConfig;
  tenants: TenantRegistry;
  profiles: Map<string, OpcoProfile>;
  defaultOpco: string;
  faults: FaultInjector;
  tokens: Map<string, { opco: string; expiresAt: number }>;
  clients: Map<string, OAuthClient[]>;
  spec: CompiledSpec;
  /** Broken variants (mocks/variants); empty for the conformant mock. */
  breaks: Breaks;
  /** The recorder, in certification mode only. */
  certification?: CertificationRecorder;
  saveClock(): Promise<void>;
  reloadTenants(): Promise<void>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Fastify's own 4xx (body too large, bad URL, bad content length…) as a problem naming the part of the request concerned. */
function frameworkProblem(error: Error & { code?: string }, status: number): MockProblem {
  const code = error.code ?? 'REQUETE_INVALIDE';
  const champ = code === 'FST_ERR_BAD_URL' ? '(chemin)' : code.startsWith('FST_ERR_CTP') ? '(corps)' : '(requête)';
  const detail = code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'Le corps de la requête dépasse la taille maximale acceptée' : error.message;
  return new MockProblem('REQUETE_INVALIDE', detail, [{ code, description: detail, champ }], { status });
}

function sendProblem(reply: FastifyReply, problem: MockProblem): FastifyReply {
  const body: ProblemBody = problem.body();
  return reply.code(problem.status).headers(problem.headers).type('application/problem+json').send(body);
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === '' ? undefined : first;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function createMockApp(options: MockAppOptions = {}): Promise<MockApp> {
  const breaks = parseBreaks(options.breaks);
  // Certification mode's modules are loaded only in that mode.
  const certification = options.certification && (await import('./certification/recorder.js'));
  if (options.certification && certification) certification.checkPlays(options.certification.script, ENGINE_OPERATIONS);
  const spec = await compileSpec(options.spec ?? defaultSpecPath());
  const config = options.config ?? demoConfig();
  const store = openStore(options.store ?? 'memory');
  let clock: Clock;
  try {
    const saved = await store.getClock();
    clock = options.clock ?? (saved ? clockFromState(saved) : systemClock());
  } catch (error) {
    await store.close();
    throw error;
  }
  const delais: Delais = { ...DEFAULT_DELAIS, ...config.delais, ...options.certification?.script.delais };
  // etat-bloque-transmis: an instruction that never starts keeps every dossier TRANSMIS.
  if (isBroken(breaks, 'etat-bloque-transmis')) delais.instruction = 'P1000Y';
  const pageSize = config.pageSize ?? 50;
  const referentiel = options.referentiel ?? bundledReferentiel();
  const profiles = withOverrides(bundledProfiles(), config.opcos);
  const defaultOpco = config.defaultOpco ?? DEFAULT_OPCO;
  const clients = new Map<string, OAuthClient[]>();
  for (const id of profiles.keys()) {
    const configured = config.opcos?.[id]?.clients;
    clients.set(id, configured ?? (options.config ? [] : [DEMO.client]));
  }

  const runtime: MockRuntime = {
    store,
    clock,
    initialClock: clock.state(),
    config,
    tenants: new TenantRegistry(config.cfas),
    profiles,
    defaultOpco,
    faults: new FaultInjector(),
    tokens: new Map(),
    clients,
    spec,
    breaks,
    saveClock: () => store.setClock(runtime.clock.state()),
    reloadTenants: async () => {
      runtime.tenants = new TenantRegistry([...config.cfas, ...(await store.getTenants())]);
    },
  };
  await runtime.reloadTenants();

  // Prism's mocker takes about a second to import: loaded when an operation the engine does not model is first hit.
  let prism: Promise<PrismInstance> | undefined;
  const prismInstance = (): Promise<PrismInstance> =>
    (prism ??= import('@stoplight/prism-http').then(({ createInstance }) =>
      createInstance(
        { mock: { dynamic: false }, checkSecurity: false, validateRequest: false, validateResponse: false, errors: false, upstreamProxy: undefined, isProxy: false },
        { logger: silentLogger() as never },
      ),
    ));

  let lean: ReturnType<typeof createFastPath> | undefined;
  const requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: isBroken(breaks, 'corps-volumineux-accepte') ? BODY_LIMIT_BROKEN : BODY_LIMIT,
    return503OnClosing: false,
    // node:http as Fastify would create it, with the lean path in front (installed below, once the state exists).
    serverFactory: serverFactoryWith(() => lean),
    // Bounds the time to *receive* a request (headers and body), not the time to answer it.
    requestTimeout: requestTimeoutMs,
    http: { headersTimeout: requestTimeoutMs, connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(requestTimeoutMs / 4))) },
    // A URL that cannot be decoded (`/%`) is answered before routing: still the norm's problem body.
    frameworkErrors: (error, request, reply) => {
      const problem = frameworkProblem(error, 400);
      const recorder = runtime.certification;
      // No hook runs for these: certification mode records the exchange here, before answering as everywhere else.
      if (!recorder) return sendProblem(reply, problem);
      void recorder.recordUnrouted(request, problem.status, problem.headers, problem.body()).finally(() => sendProblem(reply, problem));
    },
  });

  // Our own JSON parser: a malformed body is the norm's 400 problem, not Fastify's generic error.
  app.removeContentTypeParser(['application/json']);
  // Anchored: `application/jsonx` is not JSON. Read as bytes and decoded strictly: bytes that are not UTF-8 are a
  // malformed body, not silently replaced by U+FFFD in a stored name.
  app.addContentTypeParser(/^application\/([\w.+-]*\+)?json\s*(;|$)/, { parseAs: 'buffer' }, (_req, body, done) => {
    try {
      const text = utf8.decode(body as Buffer);
      if (text.trim() === '') return done(null, undefined);
      done(null, JSON.parse(text));
    } catch (error) {
      if (isBroken(breaks, 'json-malforme-500')) return done(error as Error, undefined);
      done(
        new MockProblem('JSON_MALFORME', `Le corps n'est pas un JSON valide : ${(error as Error).message}`, [
          { code: 'JSON_MALFORME', description: "Le corps de la requête n'est pas un JSON valide", champ: '(corps)' },
        ]),
        undefined,
      );
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof MockProblem) return sendProblem(reply, error);
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      return sendProblem(reply, frameworkProblem(error as Error & { code?: string }, status));
    }
    request.log.error(error);
    options.onError?.(error);
    return sendProblem(reply, new MockProblem('ERREUR_INTERNE', 'Erreur interne du bouchon'));
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, new MockProblem('OPERATION_INCONNUE', `Aucune opération ${request.method} ${request.url.split('?')[0]}`)),
  );

  const started = Date.now();
  app.addHook('onResponse', async (request, reply) => {
    if (!options.onRequest) return;
    const meta = (request as FastifyRequest & { mockMeta?: { opco?: string; cfa?: string } }).mockMeta;
    options.onRequest({
      method: request.method,
      path: request.url.split('?')[0] ?? request.url,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
      opco: meta?.opco,
      cfa: meta?.cfa,
      key: redactSecret(header(request, 'x-api-key')),
    });
  });

  const writes = new WriteQueue(() => runtime.store);
  const recorder = options.certification && certification && new certification.CertificationRecorder(options.certification, runtime, writes, options.onError);
  if (recorder) {
    try {
      await recorder.restore();
    } catch (error) {
      await store.close();
      throw error;
    }
    recorder.register(app);
    runtime.certification = recorder;
  }

  registerAdmin(app, runtime, sendProblem);
  registerVariantHooks(app, breaks);
  // A POST the lean path read, then gave back to Fastify (any answer but 201), comes with its body replayed.
  app.addHook('preParsing', (request, _reply, payload, done) => done(null, replayBody(request.raw) ?? payload));
  if (options.fastPath !== false) {
    lean = createFastPath({
      runtime,
      delais,
      pageSize,
      referentiel,
      writes,
      engine: () => loadedDossiers,
      bodyLimit: BODY_LIMIT,
      onRequest: options.onRequest,
      // Certification mode records every exchange through Fastify's hooks.
      active: () => runtime.certification === undefined,
    });
  }

  app.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    url: '/*',
    handler: async (request, reply) => {
      const [rawPath = '/'] = request.url.split('?');
      const path = decodeURI(rawPath).replace(/\/+$/, '') || '/';
      const { opco: opcoId, rest } = opcoOfPath(runtime.profiles, runtime.defaultOpco, path);
      const profile = runtime.profiles.get(opcoId);
      if (!profile) throw new MockProblem('OPCO_INCONNU', `OPCO « ${opcoId} » inconnu`);
      const meta: { opco?: string; cfa?: string } = { opco: opcoId };
      (request as FastifyRequest & { mockMeta?: typeof meta }).mockMeta = meta;

      if (request.method === 'POST' && (rest === '/oauth/token' || rest.endsWith('/oauth/token'))) {
        return token(runtime, profile, request, reply);
      }
      const compiled = runtime.spec.find(request.method, rest);
      if (!compiled) throw new MockProblem('OPERATION_INCONNUE', `Aucune opération ${request.method} ${rest} dans la spécification`);
      if (compiled.version && !profile.versions.includes(compiled.version)) {
        throw new MockProblem('NON_SUPPORTE', `${profile.nom} ne propose pas le protocole ${compiled.version}`);
      }
      const engineKey = `${request.method} ${compiled.suffix}`;
      if (engineKey === 'GET /status') {
        return reply.send({ status: 'healthy', supportedVersions: profile.versions, uptime: Math.round((Date.now() - started) / 1000) });
      }
      const engine = (loadedEngine ?? (await loadEngine()))[engineKey];
      if (engine?.capability && !profile.capabilities.includes(engine.capability)) {
        throw new MockProblem('NON_SUPPORTE', `${profile.nom} ne propose pas l'opération ${engineKey}`);
      }

      const tenant = authenticate(runtime, profile, request);
      meta.cfa = tenant.siret;
      await applyFaults(reply, request, [runtime.faults.match(engineKey, tenant.siret), preferEffect(request.headers.prefer)]);
      if (reply.sent) return reply;

      const input = recorder ? recorder.validate(request, () => validate(compiled, request)) : validate(compiled, request);
      if (!engine) return prismMock(await prismInstance(), compiled, request, reply, rest);
      const ctx = engineContext({ runtime, delais, pageSize, referentiel }, profile, tenant, opcoId);
      const work = recorder
        ? recorder.wrap(request, engineKey, ctx, input, () => (engine.prepare ? engine.prepare(ctx, input) : () => engine.handler(ctx, input)))
        : engine.prepare ? engine.prepare(ctx, input) : () => engine.handler(ctx, input);
      const result = engine.writes ? await writes.run(work) : await work();
      return reply.code(result.status).send(result.body);
    },
  });

  await app.ready();
  // After the caller's listen (which runs in this turn's microtasks): the start is not held up by the rule catalogue.
  if (!loadedEngine) setImmediate(() => void loadEngine().catch(() => undefined));
  let closed = false;
  return {
    app,
    store: runtime.store,
    close: async () => {
      if (closed) return;
      closed = true;
      await app.close();
      await writes.idle();
      await runtime.store.close();
    },
  };
}

/** Prism wants a pino logger; the mock logs requests itself, so every level is a no-op. */
function silentLogger(): Record<string, unknown> {
  const noop = (): void => undefined;
  const logger: Record<string, unknown> = { level: 'silent' };
  for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'success', 'silent']) logger[level] = noop;
  logger.child = () => logger;
  return logger;
}

function authenticate(runtime: MockRuntime, profile: OpcoProfile, request: FastifyRequest): CfaTenant {
  const key = header(request, 'x-api-key');
  if (!key) {
    throw new MockProblem('CLE_API_ABSENTE', "L'en-tête X-API-KEY est obligatoire", [
      { code: 'CLE_API_ABSENTE', description: "L'en-tête X-API-KEY est obligatoire", champ: 'X-API-KEY' },
    ]);
  }
  const tenant = runtime.tenants.findByKey(profile.id, key) ?? (isBroken(runtime, 'cle-api-inconnue-acceptee') ? runtime.tenants.all()[0] : undefined);
  if (!tenant) {
    throw new MockProblem('CLE_API_INCONNUE', `La clé d'API n'est pas reconnue par ${profile.nom}`, [
      { code: 'CLE_API_INCONNUE', description: "La clé d'API n'est pas reconnue", champ: 'X-API-KEY' },
    ]);
  }
  const missing = ['EDITEUR', 'LOGICIEL', 'VERSION']
    .filter((name) => !header(request, name.toLowerCase()))
    .filter((name) => !(name === 'EDITEUR' && isBroken(runtime, 'editeur-non-exige')));
  if (missing.length > 0) {
    throw new MockProblem(
      'ENTETE_EDITEUR_ABSENTE',
      `En-tête(s) obligatoire(s) absent(s) : ${missing.join(', ')}`,
      missing.map((name) => ({ code: 'ENTETE_EDITEUR_ABSENTE', description: `L'en-tête ${name} est obligatoire`, champ: name })),
    );
  }
  const editeur = header(request, 'editeur') ?? '';
  if (tenant.editeurs && !tenant.editeurs.includes(editeur) && !(editeur === '' && isBroken(runtime, 'editeur-non-exige'))) {
    throw new MockProblem('EDITEUR_NON_AUTORISE', `L'éditeur « ${editeur} » n'est pas autorisé pour ce CFA`, [
      { code: 'EDITEUR_NON_AUTORISE', description: "L'éditeur n'est pas autorisé pour ce CFA", champ: 'EDITEUR' },
    ]);
  }
  if (profile.oauth2Required) {
    const auth = header(request, 'authorization');
    const bearer = auth?.match(/^Bearer\s+(.+)$/i)?.[1];
    if (!bearer) {
      throw new MockProblem('JETON_ABSENT', `${profile.nom} exige un jeton OAuth2 (POST /${profile.id}/oauth/token)`, [
        { code: 'JETON_ABSENT', description: "Le jeton d'accès OAuth2 est obligatoire", champ: 'Authorization' },
      ]);
    }
    const known = runtime.tokens.get(bearer);
    if (!known || known.opco !== profile.id || known.expiresAt <= runtime.clock.now().getTime()) {
      throw new MockProblem('JETON_INVALIDE', "Le jeton d'accès est invalide ou expiré", [
        { code: 'JETON_INVALIDE', description: "Le jeton d'accès est invalide ou expiré", champ: 'Authorization' },
      ]);
    }
  }
  return tenant;
}

/** OAuth2 client_credentials: the software's client id and secret, in the form body or in Basic auth. */
function token(runtime: MockRuntime, profile: OpcoProfile, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const form = (request.body && typeof request.body === 'object' && !Buffer.isBuffer(request.body) ? request.body : {}) as Record<string, string>;
  let clientId = form.client_id;
  let clientSecret = form.client_secret;
  const basic = header(request, 'authorization')?.match(/^Basic\s+(.+)$/i)?.[1];
  if (basic) {
    const [id, secret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    clientId ??= id;
    clientSecret ??= secret;
  }
  // Problem bodies (as the spec says) that also carry RFC 6749's `error` fields for OAuth2 client libraries.
  const oauthError = (problem: MockProblem, error: string): FastifyReply =>
    reply.code(problem.status).type('application/problem+json').send({ ...problem.body(), error, error_description: problem.detail });
  if (form.grant_type !== 'client_credentials') {
    return oauthError(
      new MockProblem('REQUETE_INVALIDE', 'Seul le flux client_credentials est accepté', [
        { code: 'REQUETE_INVALIDE', description: 'Seul le flux client_credentials est accepté', champ: 'grant_type' },
      ]),
      'unsupported_grant_type',
    );
  }
  const clients = runtime.clients.get(profile.id) ?? [];
  const ok = clientId && clientSecret && clients.some((c) => c.clientId === clientId && sameSecret(c.clientSecret, clientSecret ?? ''));
  if (!ok) {
    const description = 'Identifiants du client OAuth2 invalides';
    return oauthError(new MockProblem('CLIENT_OAUTH_INVALIDE', description, [{ code: 'CLIENT_OAUTH_INVALIDE', description, champ: 'client_id' }]), 'invalid_client');
  }
  const value = randomBytes(24).toString('base64url');
  const expiresIn = 3600;
  runtime.tokens.set(value, { opco: profile.id, expiresAt: runtime.clock.now().getTime() + expiresIn * 1000 });
  return reply.send({ access_token: value, token_type: 'Bearer', expires_in: expiresIn, scope: form.scope ?? profile.oauth2Scope ?? '' });
}

async function applyFaults(reply: FastifyReply, request: FastifyRequest, effects: FaultEffect[]): Promise<void> {
  const latency = effects.reduce((sum, e) => sum + e.latencyMs, 0);
  if (latency > 0) await sleep(latency);
  if (effects.some((e) => e.drop)) {
    request.raw.socket.destroy();
    reply.hijack();
    return;
  }
  const problem = effects.find((e) => e.problem)?.problem;
  if (problem) sendProblem(reply, problem);
}

function validate(compiled: CompiledOperation, request: FastifyRequest): OperationInput {
  const query = { ...(request.query as Record<string, string | string[] | undefined>) };
  // A `form`, non-exploded array (`numerosInternes=A,B,C`) is validated item by item, not as one long string.
  for (const param of compiled.operation.request?.query ?? []) {
    const value = query[param.name];
    const type = (param.schema as { type?: unknown } | undefined)?.type;
    if (param.explode === false && type === 'array' && typeof value === 'string') query[param.name] = value.split(',');
  }
  const errors = [];
  if (compiled.validateQuery) {
    const copy = { ...query };
    if (!compiled.validateQuery(copy)) errors.push(...ajvToNormErrors(compiled.validateQuery.errors));
  }
  const body = request.body;
  if (compiled.validateBody) {
    if (body === undefined || Buffer.isBuffer(body)) {
      if (compiled.bodyRequired || Buffer.isBuffer(body)) {
        errors.push({ code: 'CORPS_ABSENT', description: 'Le corps de la requête (JSON) est obligatoire', champ: '(corps)' });
      }
    } else if (!compiled.validateBody(body)) {
      errors.push(...ajvToNormErrors(compiled.validateBody.errors));
    }
  }
  if (errors.length > 0) {
    throw new MockProblem('REQUETE_INVALIDE', `La requête ne respecte pas la spécification : ${errors.length} erreur(s)`, errors);
  }
  return { query, body };
}

/** Operations of the spec the engine does not model: Prism's mocker answers from the operation's examples. */
async function prismMock(
  prism: PrismInstance,
  compiled: CompiledOperation,
  request: FastifyRequest,
  reply: FastifyReply,
  path: string,
): Promise<FastifyReply> {
  const input: IHttpRequest = {
    method: compiled.method as IHttpOperation['method'] as IHttpRequest['method'],
    url: { path, query: request.query as Record<string, string | string[]> },
    headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v ?? '')])),
    body: Buffer.isBuffer(request.body) ? undefined : request.body,
  };
  const result = await prism.request(input, [compiled.operation])();
  if (result._tag === 'Left') {
    throw new MockProblem('ERREUR_INTERNE', `Le générateur de réponses n'a pas pu répondre : ${result.left.message}`);
  }
  const { statusCode, headers, body } = result.right.output;
  return reply
    .code(statusCode)
    .headers(Object.fromEntries(Object.entries(headers ?? {}).filter(([k]) => k.toLowerCase() !== 'content-length')))
    .send(body);
}
