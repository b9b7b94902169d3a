// The console's live request log: each answered norm request, redacted when captured, kept in a bounded ring.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionIdOf } from '../certification/recorder.js';
import { redactSecret } from '../redact.js';
import { parsedPayload, pickHeaders } from '../http/recorded.js';
import type { MockRuntime, RequestMeta } from '../http/types.js';
import { masque, masqueCorpsRecu } from './masque.js';
import type { LogEntry, LogExchange } from './types.js';

/** Exchanges kept for the click-through: the recent past of a session, not an archive. */
export const LOG_SIZE = 500;

const REQUEST_HEADERS = ['editeur', 'logiciel', 'version', 'content-type', 'prefer', 'idempotency-key'];
const RESPONSE_HEADERS = ['content-type', 'retry-after'];

/** The codes of a problem's `errors[]`: a refusal's rule codes, a fault's or a play's code. */
export function codesOf(body: unknown): string[] {
  const errors = body !== null && typeof body === 'object' ? (body as { errors?: unknown }).errors : undefined;
  if (!Array.isArray(errors)) return [];
  return [...new Set(errors.map((e) => (e as { code?: unknown } | null)?.code).filter((c): c is string => typeof c === 'string'))];
}

export class RequestLog {
  private readonly ring: LogExchange[] = [];
  private next = 1;

  constructor(private readonly runtime: MockRuntime) {}

  /** Builds and keeps the exchange of one answered request; undefined for the console's and the admin API's own. */
  capture(request: FastifyRequest, reply: FastifyReply, payload: unknown): LogExchange | undefined {
    const path = request.url.split('?')[0] ?? request.url;
    if (path.startsWith('/_console') || path.startsWith('/_admin')) return undefined;
    const meta = (request as FastifyRequest & { mockMeta?: RequestMeta }).mockMeta;
    const answer = parsedPayload(payload);
    const key = request.headers['x-api-key'];
    const headers = pickHeaders(request.headers, REQUEST_HEADERS);
    if (typeof key === 'string' && key !== '') headers['x-api-key'] = redactSecret(key);
    const entry: LogExchange = {
      id: this.next++,
      at: new Date().toISOString(),
      mockTime: this.runtime.clock.now().toISOString(),
      method: request.method,
      path,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
      ...(meta?.opco ? { opco: meta.opco } : {}),
      ...(meta?.cfa ? { cfa: meta.cfa } : {}),
      codes: codesOf(answer),
      request: { headers, ...(request.body !== undefined && request.body !== null ? { body: masqueCorpsRecu(request.body) } : {}) },
      response: { headers: pickHeaders(reply.getHeaders(), RESPONSE_HEADERS), ...(answer !== undefined ? { body: masque(answer) } : {}) },
    };
    if (this.runtime.certification && meta?.opco && meta.cfa && typeof key === 'string') entry.session = sessionIdOf(meta.opco, key);
    this.ring.push(entry);
    if (this.ring.length > LOG_SIZE) this.ring.shift();
    return entry;
  }

  /** The summaries, newest last, that `visible` lets through. */
  list(visible: (e: LogEntry) => boolean): LogEntry[] {
    return this.ring.filter(visible).map(summary);
  }

  get(id: number): LogExchange | undefined {
    return this.ring.find((e) => e.id === id);
  }
}

export function summary(e: LogExchange): LogEntry {
  const { request: _request, response: _response, ...rest } = e;
  return rest;
}
