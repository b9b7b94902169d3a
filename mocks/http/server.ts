// The Fastify instance of the mock: limits and timeouts, body parsers, problem answers for errors, the request log.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { MockProblem } from '../errors.js';
import { serverFactoryWith, type createFastPath } from '../fast-path.js';
import { redactSecret } from '../redact.js';
import { isBroken, type Breaks } from '../variants/index.js';
import { BODY_LIMIT, BODY_LIMIT_BROKEN } from '../variants/behaviours.js';
import { frameworkProblem, header, sendProblem } from './reply.js';
import type { MockAppOptions, MockRuntime, RequestMeta } from './types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface ServerDeps {
  options: MockAppOptions;
  breaks: Breaks;
  runtime: MockRuntime;
  /** The lean path in front of Fastify, once installed (mocks/fast-path.ts). */
  lean: () => ReturnType<typeof createFastPath> | undefined;
}

/** Fastify with the mock's parsers, error and not-found answers and request log hook; routes are added by the caller. */
export function createServer({ options, breaks, runtime, lean }: ServerDeps): FastifyInstance {
  const requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: isBroken(breaks, 'corps-volumineux-accepte') ? BODY_LIMIT_BROKEN : BODY_LIMIT,
    return503OnClosing: false,
    // node:http as Fastify would create it, with the lean path in front (installed later, once the state exists).
    serverFactory: serverFactoryWith(lean),
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

  // The OPCO the router found for the request: its profile says whether error bodies repeat their detail at the top.
  const racine = (request: FastifyRequest) => {
    const opco = (request as FastifyRequest & { mockMeta?: RequestMeta }).mockMeta?.opco;
    return (opco && runtime.profiles.get(opco)?.erreurDescriptionRacine) || 'none';
  };
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof MockProblem) return sendProblem(reply, error, racine(request));
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      return sendProblem(reply, frameworkProblem(error as Error & { code?: string }, status), racine(request));
    }
    request.log.error(error);
    options.onError?.(error);
    return sendProblem(reply, new MockProblem('ERREUR_INTERNE', 'Erreur interne du bouchon'), racine(request));
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, new MockProblem('OPERATION_INCONNUE', `Aucune opération ${request.method} ${request.url.split('?')[0]}`)),
  );

  app.addHook('onResponse', async (request, reply) => {
    if (!options.onRequest) return;
    const meta = (request as FastifyRequest & { mockMeta?: RequestMeta }).mockMeta;
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
  return app;
}
