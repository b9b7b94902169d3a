// HTTP-level hooks of the broken variants, registered on the mock's Fastify app (only when such a variant is active).
import type { FastifyInstance } from 'fastify';
import { isBroken, type Breaks } from './index.js';

/** A JSON body rewritten by `edit`, or the payload as it was when it is not JSON text. */
function rewriteJson(payload: unknown, edit: (body: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (typeof payload !== 'string') return payload;
  try {
    return JSON.stringify(edit(JSON.parse(payload) as Record<string, unknown>));
  } catch {
    return payload;
  }
}

const isProblem = (type: string): boolean => type.startsWith('application/problem+json');

/**
 * `erreurs-sans-liste`: problem bodies keep their RFC 7807 fields but lose the norm's `errors[]`.
 * `erreurs-sans-champ`: the items of `errors[]` lose their `champ`.
 * `reponses-texte-brut`: successful JSON answers are labelled `text/plain`.
 * `retry-after-absent`: a 429 loses its `Retry-After`.
 */
export function registerVariantHooks(app: FastifyInstance, breaks: Breaks): void {
  const sansListe = isBroken(breaks, 'erreurs-sans-liste');
  const sansChamp = isBroken(breaks, 'erreurs-sans-champ');
  const texteBrut = isBroken(breaks, 'reponses-texte-brut');
  const sansRetryAfter = isBroken(breaks, 'retry-after-absent');
  if (!sansListe && !sansChamp && !texteBrut && !sansRetryAfter) return;
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (sansRetryAfter && reply.statusCode === 429) reply.removeHeader('retry-after');
    if (texteBrut && reply.statusCode < 300 && type.startsWith('application/json')) reply.header('content-type', 'text/plain; charset=utf-8');
    if (!isProblem(type)) return payload;
    if (sansListe) {
      return rewriteJson(payload, ({ errors: _errors, ...rest }) => rest);
    }
    if (sansChamp) {
      return rewriteJson(payload, (body) =>
        Array.isArray(body.errors) ? { ...body, errors: body.errors.map((e: Record<string, unknown>) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== 'champ'))) } : body,
      );
    }
    return payload;
  });
}
