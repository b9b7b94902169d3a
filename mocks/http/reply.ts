// Small HTTP helpers shared by the app's parts: reading a header, answering a problem, Fastify's own 4xx as a problem.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MockProblem, type DescriptionRacine, type ProblemBody } from '../errors.js';

/** Fastify's own 4xx (body too large, bad URL, bad content length…) as a problem naming the part of the request concerned. */
export function frameworkProblem(error: Error & { code?: string }, status: number): MockProblem {
  const code = error.code ?? 'REQUETE_INVALIDE';
  const champ = code === 'FST_ERR_BAD_URL' ? '(chemin)' : code.startsWith('FST_ERR_CTP') ? '(corps)' : '(requête)';
  const detail = code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'Le corps de la requête dépasse la taille maximale acceptée' : error.message;
  return new MockProblem('REQUETE_INVALIDE', detail, [{ code, description: detail, champ }], { status });
}

/** `racine`: the OPCO profile's `erreurDescriptionRacine` (Atlas `description`, OPCO EP `comment`). */
export function sendProblem(reply: FastifyReply, problem: MockProblem, racine: DescriptionRacine = 'none'): FastifyReply {
  const body: ProblemBody = problem.body(racine);
  return reply.code(problem.status).headers(problem.headers).type('application/problem+json').send(body);
}

/** A header's first value, or undefined when absent or blank. */
export function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === '' ? undefined : first;
}
