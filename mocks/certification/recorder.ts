// Certification mode's recorder: attributes each request to its CFA key's session, plays the script, stores the exchange.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Cerfa, PayloadKind } from '../../conformance/model/payloads.js';
import type { CapaciteCfa, EchangeCfa } from '../../conformance/model/session.js';
import { opcoOfPath } from '../profiles.js';
import { codeProbleme } from '../../conformance/model/probleme.js';
import type { RuleContext } from '../../conformance/rules/rule.js';
import { MockProblem } from '../errors.js';
import type { EngineContext, OperationInput, OperationResult } from '../engine/context.js';
import { factureContext } from '../engine/factures.js';
import { contexteDepot } from '../engine/dossiers.js';
import { headerText, parsedPayload, pickHeaders } from '../http/recorded.js';
import type { MockRuntime } from '../http/types.js';
import type { SessionMeta } from '../store/types.js';
import { receivedBody, redactSecret } from '../redact.js';
import { deeperThan } from '../../reports/suite/scrub.js';
import { playProblem, ScriptError, type CertificationScript, type Play } from './script.js';
import type { Signer } from './signature.js';
import { registerPublicKeyRoute } from './signing-key.js';

/** What `createMockApp({ certification })` needs: the script, the declared capabilities and protocol version. */
export interface CertificationOptions {
  script: CertificationScript;
  capabilities: CapaciteCfa[];
  /** The version the editor declared; absent: both accepted. */
  version?: 'v1' | 'v2';
  /** Names the tool in reports; `convergence` and the package's version by default. */
  tool?: { name: string; version: string };
  /** Findings the editor accepts (`{ruleId, reason}`), applied to every report of the run. */
  waivers?: { ruleId: string; reason: string }[];
  /** Signs every session report (schema 1.2) and serves the public key; absent: reports are not signed. */
  signing?: { signer: Signer; /** ISO 8601 duration, `P12M` by default. */ validity?: string };
}

/** Request headers the protocol rules judge; credentials are never kept. */
const REQUEST_HEADERS = ['editeur', 'logiciel', 'version', 'content-type', 'prefer', 'idempotency-key'];
const RESPONSE_HEADERS = ['retry-after', 'content-type'];

/** Deposits whose payload the catalogue judges, and the kind it judges them as. */
const DEPOSITS: Record<string, PayloadKind> = {
  'POST /dossiers': 'cerfa',
  'POST /factures': 'facture',
  'POST /conventions': 'convention',
  'POST /certificats': 'certificat',
};

/**
 * Answers given before the play point (authentication, headers, parsing, routing, injected faults): an exchange
 * answered with one of these, unless scripted, did not count towards the plays.
 */
const BEFORE_PLAYS = new Set([
  'CLE_API_ABSENTE',
  'CLE_API_INCONNUE',
  'ENTETE_EDITEUR_ABSENTE',
  'EDITEUR_NON_AUTORISE',
  'JETON_ABSENT',
  'JETON_INVALIDE',
  'JSON_MALFORME',
  'TYPE_CONTENU_NON_SUPPORTE',
  'OPERATION_INCONNUE',
  'OPCO_INCONNU',
  'NON_SUPPORTE',
  'ERREUR_SIMULEE',
  'TROP_DE_REQUETES',
  'SERVICE_INDISPONIBLE',
]);

/** Stable session id of a key on an OPCO: never the key itself. */
export function sessionIdOf(opco: string, key: string): string {
  return `${opco}-${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
}

interface Pending {
  sessionId: string;
  meta: SessionMeta;
  exchange: Omit<EchangeCfa, 'response'>;
}

interface Queue {
  run<T>(fn: () => Promise<T>): Promise<T>;
}

/**
 * Deeper than any payload of the norm (a CERFA nests 4 levels): a body nested further is kept as a note, since the
 * store's JSON and the judge's walks recurse and would overflow the stack, losing the exchange.
 */
export const MAX_RECORDED_DEPTH = 64;

/** The body as it can be stored and judged. */
function storable(body: unknown): unknown {
  return deeperThan(body, MAX_RECORDED_DEPTH) ? `(corps JSON trop imbriqué masqué : ${MAX_RECORDED_DEPTH} niveaux)` : body;
}

/** What the mock's 415 said about the Content-Type it expected and received. */
function motifTypeContenu(answer: unknown): string {
  const errors = (answer as { errors?: { description?: unknown }[] } | undefined)?.errors;
  const description = Array.isArray(errors) ? errors[0]?.description : undefined;
  return typeof description === 'string' ? description : 'Content-Type attendu : application/json';
}

/** Whether a recorded exchange counted towards the plays of its operation (see BEFORE_PLAYS). */
function countedForPlays(e: EchangeCfa): boolean {
  if (e.scripted !== undefined) return true;
  if (!e.operation || (e.schemaErrors?.length ?? 0) > 0) return false;
  const code = codeProbleme(e.response.body);
  return code === undefined || !BEFORE_PLAYS.has(code);
}


/** The context the engine judges an invoice or a pièce with, restricted to the dossiers the payload names. */
async function piecesContext(kind: PayloadKind, ctx: EngineContext, body: Record<string, unknown>): Promise<RuleContext> {
  const context = await factureContext(ctx);
  const named = new Set<string>();
  if (kind === 'facture') {
    for (const ligne of Array.isArray(body.lignes) ? body.lignes : []) {
      const numero = (ligne as { numeroInterneDossier?: unknown } | null)?.numeroInterneDossier;
      if (typeof numero === 'string') named.add(numero);
    }
  } else if (typeof body.numeroInterneDossier === 'string') named.add(body.numeroInterneDossier);
  return { ...context, dossiers: (context.dossiers ?? []).filter((d) => named.has(d.cerfa.numeroInterne)) };
}

/** Checks the plays name operations the engine models (`operations`), so a typo does not silently never play. */
export function checkPlays(script: CertificationScript, operations: readonly string[]): void {
  const file = script.file ?? '(script)';
  script.plays.forEach((play, i) => {
    if (!operations.includes(play.operation)) {
      throw new ScriptError(file, `plays[${i}].operation`, `${play.operation} is not an operation the mock plays (${operations.join(', ')})`);
    }
  });
}

export class CertificationRecorder {
  /** Requests per session and operation that reached the play point. */
  private readonly counts = new Map<string, number>();
  private readonly pending = new WeakMap<FastifyRequest, Pending>();
  /** Requests to the norm's paths that no session could own: without X-API-KEY, or with a key no CFA has for that OPCO. */
  private readonly nonAttribuees = { sansCle: 0, cleInconnue: 0 };

  constructor(
    readonly options: CertificationOptions,
    private readonly runtime: MockRuntime,
    private readonly writes: Queue,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Picks up the play counts of the sessions already in the store (a restarted mock, or another instance, continues them). */
  async restore(): Promise<void> {
    this.reset();
    const store = this.runtime.store;
    for (const summary of await store.listSessions()) {
      const session = await store.getSession(summary.id);
      for (const e of session?.echanges ?? []) {
        if (e.operation && countedForPlays(e)) this.count(summary.id, e.operation);
      }
    }
  }

  /** Forgets every session (the admin reset cleared the store). */
  reset(): void {
    this.counts.clear();
    this.nonAttribuees.sansCle = 0;
    this.nonAttribuees.cleInconnue = 0;
  }

  /** Hooks that exist only in certification mode: the normal path keeps its per-request cost. */
  register(app: FastifyInstance): void {
    if (this.options.signing) registerPublicKeyRoute(app, this.options.signing.signer);
    app.addHook('onRequest', async (request) => this.attribute(request));
    app.addHook('onSend', async (request, reply, payload) => {
      await this.record(request, reply, payload);
      return payload;
    });
  }

  /** Runs the spec's validation, keeping its errors for the exchange. */
  validate<T>(request: FastifyRequest, fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      const pending = this.pending.get(request);
      if (pending && error instanceof MockProblem && error.code === 'REQUETE_INVALIDE') {
        pending.exchange.schemaErrors = error.errors.map((e) => `${e.champ ?? '(requête)'} : ${e.description}`);
      }
      throw error;
    }
  }

  /**
   * The work of an engine operation in certification mode: the scripted play when one is due (nothing reaches the
   * engine, nothing is stored), else `prepare()`'s work, with the payload's judging context captured for the
   * exchange — inside the write queue for invoices and pièces, like the engine's, so it is what the OPCO knew.
   */
  wrap(
    request: FastifyRequest,
    operation: string,
    ctx: EngineContext,
    input: OperationInput,
    prepare: () => () => Promise<OperationResult>,
  ): () => Promise<OperationResult> {
    const pending = this.pending.get(request);
    if (!pending) return prepare();
    const occurrence = this.count(pending.sessionId, operation);
    const play: Play | undefined = this.options.script.plays.find((p) => p.operation === operation && p.occurrence === occurrence);
    const kind = DEPOSITS[operation];
    const body = input.body;
    const payload = kind !== undefined && body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
    const exchange = pending.exchange;
    if (kind === 'cerfa' && payload) exchange.payload = { kind, context: contexteDepot(ctx, payload.cerfa as Cerfa | undefined) };
    const capture = async (): Promise<void> => {
      if (kind && kind !== 'cerfa' && payload) exchange.payload = { kind, context: await piecesContext(kind, ctx, payload) };
    };
    if (play) {
      exchange.scripted = play.id;
      const problem = playProblem(play);
      return async () => {
        await capture();
        throw problem;
      };
    }
    const work = prepare();
    if (kind === 'cerfa' || !payload) return work;
    return async () => {
      await capture();
      return work();
    };
  }

  private count(sessionId: string, operation: string): number {
    const key = `${sessionId}\u0000${operation}`;
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return n;
  }

  /** Opens the exchange of a request whose key is known for its path's OPCO, even if the mock rejects it later. */
  /** Requests seen since start (or reset) that belong to no session, so an editor with a mistyped key learns it. */
  unattributed(): { sansCle: number; cleInconnue: number } {
    return { ...this.nonAttribuees };
  }

  private attribute(request: FastifyRequest): void {
    const key = headerText(request.headers['x-api-key'])?.trim();
    const [rawPath = '/'] = request.url.split('?');
    let path: string;
    try {
      path = decodeURI(rawPath).replace(/\/+$/, '') || '/';
    } catch {
      // An undecodable path (`/v2/%`) is still the software's request: attributed by its raw path.
      path = rawPath.replace(/\/+$/, '') || '/';
    }
    if (path.startsWith('/_admin') || path.startsWith('/.well-known/')) return;
    const runtime = this.runtime;
    const { opco, rest } = opcoOfPath(runtime.profiles, runtime.defaultOpco, path);
    if (!key) {
      if (/\/v[12](\/|$)/.test(path)) this.nonAttribuees.sansCle++;
      return;
    }
    const tenant = runtime.tenants.findByKey(opco, key);
    if (!tenant) {
      this.nonAttribuees.cleInconnue++;
      return;
    }

    let operation: string | undefined;
    let version: 'v1' | 'v2' | undefined;
    if (request.method === 'POST' && rest.endsWith('/oauth/token')) operation = 'POST /oauth/token';
    else {
      const compiled = runtime.spec.find(request.method, rest);
      if (compiled) {
        operation = `${request.method} ${compiled.suffix}`;
        if (compiled.version === 'v1' || compiled.version === 'v2') version = compiled.version;
      }
    }
    const sessionId = sessionIdOf(opco, key);
    const exchange: Omit<EchangeCfa, 'response'> = {
      // Numbered when stored (see store): a request still in flight at a kill -9 leaves no gap in the numbering.
      seq: 0,
      receivedAtMs: Date.now(),
      // The session's CFA's own clock once it moved it (mocks/horloges.ts).
      mockTime: runtime.horloges.pour(runtime.tenants.findByKey(opco, key)?.siret ?? '').now().toISOString(),
      method: request.method,
      path: rawPath,
      query: { ...(request.query as Record<string, string | string[]>) },
      headers: pickHeaders(request.headers, REQUEST_HEADERS),
    };
    if (version) exchange.version = version;
    if (operation) exchange.operation = operation;
    this.pending.set(request, { sessionId, meta: { opco, cfa: tenant.siret }, exchange });
  }

  /** Completes the exchange with the body and the answer, and stores it through the write queue before answering. */
  /**
   * Records a request Fastify answered before routing (an undecodable URL): no hook runs for it, so the app's
   * frameworkErrors handler calls this, then answers once the exchange is stored.
   */
  async recordUnrouted(request: FastifyRequest, status: number, headers: Record<string, string>, body: unknown): Promise<void> {
    this.attribute(request);
    await this.store(request, status, { 'content-type': 'application/problem+json; charset=utf-8', ...headers }, JSON.stringify(body));
  }

  private async record(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<void> {
    await this.store(request, reply.statusCode, reply.getHeaders(), payload);
  }

  private async store(request: FastifyRequest, status: number, headers: Parameters<typeof pickHeaders>[0], payload: unknown): Promise<void> {
    const pending = this.pending.get(request);
    if (!pending) return;
    this.pending.delete(request);
    const exchange: EchangeCfa = {
      ...pending.exchange,
      response: { status, headers: pickHeaders(headers, RESPONSE_HEADERS) },
    };
    const body = this.requestBody(request, exchange.operation);
    if (body !== undefined) exchange.body = storable(body);
    const answer = parsedPayload(payload);
    if (answer !== undefined) exchange.response.body = storable(answer);
    // A body sent under another Content-Type than JSON fails the spec's requestBody before anything reads it.
    if (codeProbleme(answer) === 'TYPE_CONTENU_NON_SUPPORTE' && !exchange.schemaErrors) {
      exchange.schemaErrors = [`Content-Type : ${motifTypeContenu(answer)}`];
    }
    // A body that is not JSON fails the spec before its validation runs; it is not kept, only its length.
    if (codeProbleme(answer) === 'JSON_MALFORME') {
      if (!exchange.schemaErrors) exchange.schemaErrors = ["(corps) : Le corps de la requête n'est pas un JSON valide"];
      const length = Number(headerText(request.headers['content-length']));
      if (exchange.body === undefined && Number.isInteger(length) && length > 0) exchange.body = `(corps non JSON masqué : ${length} octets)`;
    }
    try {
      await this.writes.run(async () => {
        // In the write unit, which holds the store's write lock: the numbers follow the order the exchanges are stored
        // in, across every instance sharing the store.
        exchange.seq = await this.runtime.store.nextExchangeSeq(pending.sessionId);
        return this.runtime.store.appendExchange(pending.sessionId, pending.meta, exchange);
      });
    } catch (error) {
      this.onError(error);
    }
  }

  /**
   * The request body as recorded: kept whole when parsed from JSON (the judge checks its values), redacted whatever
   * else it came as (a form, text, no Content-Type: the mock refused it unread), the token request's secret masked.
   */
  private requestBody(request: FastifyRequest, operation: string | undefined): unknown {
    let body: unknown = request.body;
    if (body === undefined || body === null) return undefined;
    if (Buffer.isBuffer(body) && body.length === 0) return undefined;
    if (operation === 'POST /oauth/token' && typeof body === 'object' && !Buffer.isBuffer(body) && 'client_secret' in body) {
      body = { ...body, client_secret: redactSecret(String((body as { client_secret: unknown }).client_secret)) };
    }
    return receivedBody(body, headerText(request.headers['content-type']));
  }
}
