// HTTP-level hooks of the broken variants, registered on the mock's Fastify app (only when such a variant is active).
import type { FastifyInstance } from 'fastify';
import { isBroken, type Breaks } from './index.js';

/** `erreurs-sans-liste`: problem bodies keep their RFC 7807 fields but lose the norm's `errors[]`. */
export function registerVariantHooks(app: FastifyInstance, breaks: Breaks): void {
  if (!isBroken(breaks, 'erreurs-sans-liste')) return;
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (!type.startsWith('application/problem+json') || typeof payload !== 'string') return payload;
    try {
      const { errors: _errors, ...rest } = JSON.parse(payload) as Record<string, unknown>;
      return JSON.stringify(rest);
    } catch {
      return payload;
    }
  });
}
