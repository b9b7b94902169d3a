// The handler of every norm request: OPCO from the path, public routes, spec lookup, auth, faults, validation, engine.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MockProblem } from '../errors.js';
import { preferEffect } from '../faults.js';
import { opcoOfPath, type OpcoProfile } from '../profiles.js';
import { engineContext, type Delais } from '../engine/context.js';
import type { Referentiel } from '../engine/referentiel.js';
import type { CertificationRecorder } from '../certification/recorder.js';
import { authenticate, token } from './auth.js';
import { trouverOpco } from '../cfadock.js';
import { engineIfLoaded, loadEngine } from './engine-table.js';
import { applyFaults } from './fault-effects.js';
import { prismMock, type PrismInstance } from './prism.js';
import type { MockRuntime, RequestMeta } from './types.js';
import { validate } from './validate.js';
import type { WriteQueue } from './write-queue.js';

/** What a public route's handler gets: no key, no software headers, no fault, no spec validation has run. */
export interface PublicRouteContext {
  runtime: MockRuntime;
  referentiel: Referentiel;
  profile: OpcoProfile;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * Routes answered without authentication, before the spec is looked up; `rest` is the path after the OPCO prefix
 * (`/arpeje/oauth/token` → `/oauth/token`, `/api/opcos` → `/api/opcos` for the default OPCO). Add a public route
 * here: one entry with its method, a path test and a handler.
 */
export interface PublicRoute {
  method: string;
  matches(rest: string): boolean;
  handle(ctx: PublicRouteContext): FastifyReply | Promise<FastifyReply>;
}

export const PUBLIC_ROUTES: readonly PublicRoute[] = [
  {
    method: 'POST',
    matches: (rest) => rest === '/oauth/token' || rest.endsWith('/oauth/token'),
    handle: ({ runtime, profile, request, reply }) => token(runtime, profile, request, reply),
  },
  {
    // CfaDock's routing call (mocks/cfadock.ts): a public referential, no CFA key.
    method: 'GET',
    matches: (rest) => rest === '/api/opcos',
    handle: ({ referentiel, request, reply }) => {
      const query = request.query as Record<string, string | string[] | undefined>;
      const { status, body } = trouverOpco(query, `${request.protocol}://${request.headers.host ?? 'localhost'}`, referentiel);
      return reply.code(status).send(body);
    },
  },
];

export interface RouterDeps {
  runtime: MockRuntime;
  delais: Delais;
  pageSize: number;
  referentiel: Referentiel;
  writes: WriteQueue;
  /** The recorder, in certification mode only. */
  recorder: CertificationRecorder | undefined;
  prism: () => Promise<PrismInstance>;
  /** When the app started (GET /status's uptime). */
  started: number;
}

/** The Fastify handler for `/*` (every method of the norm). */
export function createRouter(deps: RouterDeps): (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply> {
  const { runtime, delais, pageSize, referentiel, writes, recorder, started } = deps;
  return async (request, reply) => {
    const [rawPath = '/'] = request.url.split('?');
    const path = decodeURI(rawPath).replace(/\/+$/, '') || '/';
    const { opco: opcoId, rest } = opcoOfPath(runtime.profiles, runtime.defaultOpco, path);
    const profile = runtime.profiles.get(opcoId);
    if (!profile) throw new MockProblem('OPCO_INCONNU', `OPCO « ${opcoId} » inconnu`);
    const meta: RequestMeta = { opco: opcoId };
    (request as FastifyRequest & { mockMeta?: RequestMeta }).mockMeta = meta;

    const open = PUBLIC_ROUTES.find((route) => route.method === request.method && route.matches(rest));
    if (open) return open.handle({ runtime, referentiel, profile, request, reply });
    const compiled = runtime.spec.find(request.method, rest);
    if (!compiled) throw new MockProblem('OPERATION_INCONNUE', `Aucune opération ${request.method} ${rest} dans la spécification`);
    if (compiled.version && !profile.versions.includes(compiled.version)) {
      throw new MockProblem('NON_SUPPORTE', `${profile.nom} ne propose pas le protocole ${compiled.version}`);
    }
    const engineKey = `${request.method} ${compiled.suffix}`;
    if (engineKey === 'GET /status') {
      return reply.send({ status: 'healthy', supportedVersions: profile.versions, uptime: Math.round((Date.now() - started) / 1000) });
    }
    const engine = (engineIfLoaded() ?? (await loadEngine()))[engineKey];
    if (engine?.capability && !profile.capabilities.includes(engine.capability)) {
      throw new MockProblem('NON_SUPPORTE', `${profile.nom} ne propose pas l'opération ${engineKey}`);
    }

    const tenant = authenticate(runtime, profile, request);
    meta.cfa = tenant.siret;
    if (await applyFaults(reply, request, [runtime.faults.match(engineKey, tenant.siret), preferEffect(request.headers.prefer)])) return reply;

    const input = recorder ? recorder.validate(request, () => validate(compiled, request)) : validate(compiled, request);
    if (!engine) return prismMock(await deps.prism(), compiled, request, reply, rest);
    const ctx = engineContext({ runtime, delais, pageSize, referentiel }, profile, tenant, opcoId);
    const work = recorder
      ? recorder.wrap(request, engineKey, ctx, input, () => (engine.prepare ? engine.prepare(ctx, input) : () => engine.handler(ctx, input)))
      : engine.prepare ? engine.prepare(ctx, input) : () => engine.handler(ctx, input);
    const result = engine.writes ? await writes.run(work) : await work();
    return reply.code(result.status).send(result.body);
  };
}
