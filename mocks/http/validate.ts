// Checks a request's query and body against its operation in the spec; the engine's input, or a 400 problem.
import type { FastifyRequest } from 'fastify';
import { MockProblem } from '../errors.js';
import { ajvToNormErrors, type CompiledOperation } from '../spec.js';
import type { OperationInput } from '../engine/context.js';

export function validate(compiled: CompiledOperation, request: FastifyRequest): OperationInput {
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
