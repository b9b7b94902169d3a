// Checks a request's query and body against its operation in the spec; the engine's input, or a 400 problem.
import type { FastifyRequest } from 'fastify';
import { MockProblem } from '../errors.js';
import { ajvToNormErrors, type CompiledOperation } from '../spec.js';
import type { OperationInput } from '../engine/context.js';

const JSON_TYPE = /^application\/([\w.+-]*\+)?json\s*(;|$)/i;

/**
 * A body sent to a JSON operation under another type (curl's `--data` sends form-urlencoded; `text/plain`, none) is
 * refused as such (415) before anything reads it: parsed as a form it would turn the whole JSON text, personal data
 * included, into one field name echoed back in the errors.
 */
function refuseNonJson(compiled: CompiledOperation, request: FastifyRequest): void {
  if (!compiled.validateBody) return;
  const type = request.headers['content-type'];
  const hasBody = request.body !== undefined || Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  if (!hasBody || (typeof type === 'string' && JSON_TYPE.test(type))) return;
  const received = typeof type === 'string' && type.trim() !== '' ? type.split(';')[0]!.trim().slice(0, 100) : 'aucun';
  throw new MockProblem('TYPE_CONTENU_NON_SUPPORTE', `Le corps doit être envoyé en application/json (Content-Type reçu : ${received})`, [
    { code: 'TYPE_CONTENU_NON_SUPPORTE', description: `Content-Type attendu : application/json ; reçu : ${received}`, champ: 'Content-Type' },
  ]);
}

export function validate(compiled: CompiledOperation, request: FastifyRequest): OperationInput {
  refuseNonJson(compiled, request);
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
