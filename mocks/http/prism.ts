// Operations of the spec the engine does not model: Prism's mocker, loaded on first use, answers from their examples.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { createInstance, IHttpRequest } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { MockProblem } from '../errors.js';
import type { CompiledOperation } from '../spec.js';

export type PrismInstance = ReturnType<typeof createInstance>;

/** Prism's mocker takes about a second to import: the returned getter loads it when an unmodelled operation is first hit. */
export function lazyPrism(): () => Promise<PrismInstance> {
  let prism: Promise<PrismInstance> | undefined;
  return () =>
    (prism ??= import('@stoplight/prism-http').then(({ createInstance }) =>
      createInstance(
        { mock: { dynamic: false }, checkSecurity: false, validateRequest: false, validateResponse: false, errors: false, upstreamProxy: undefined, isProxy: false },
        { logger: silentLogger() as never },
      ),
    ));
}

/** Prism wants a pino logger; the mock logs requests itself, so every level is a no-op. */
function silentLogger(): Record<string, unknown> {
  const noop = (): void => undefined;
  const logger: Record<string, unknown> = { level: 'silent' };
  for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'success', 'silent']) logger[level] = noop;
  logger.child = () => logger;
  return logger;
}

/** Operations of the spec the engine does not model: Prism's mocker answers from the operation's examples. */
export async function prismMock(
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
