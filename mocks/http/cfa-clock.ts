// The CFA's own clock (issue 17 §3): `GET|PUT /_cfa/clock` with the CFA's X-API-KEY moves only that CFA's time, so
// an editor in a shared sandbox can travel in time without moving anyone else's dossiers or session.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Ajv } from 'ajv';
import { DurationError } from '../clock.js';
import { MockProblem } from '../errors.js';
import type { CfaTenant } from '../tenants.js';
import type { MockRuntime } from './types.js';

const validateMove = new Ajv({ allErrors: true }).compile({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  maxProperties: 1,
  properties: { now: { type: 'string', minLength: 10 }, advance: { type: 'string', pattern: '^P' } },
});

function invalid(detail: string, champ?: string): MockProblem {
  return new MockProblem('REQUETE_INVALIDE', detail, [{ code: 'REQUETE_INVALIDE', description: detail, ...(champ ? { champ } : {}) }]);
}

/** The CFA a key opens, on any OPCO the mock serves. */
function tenantOfKey(runtime: MockRuntime, key: string): CfaTenant | undefined {
  for (const opco of runtime.profiles.keys()) {
    const tenant = runtime.tenants.findByKey(opco, key);
    if (tenant) return tenant;
  }
  return undefined;
}

export function registerCfaClock(app: FastifyInstance, runtime: MockRuntime, sendProblem: (reply: FastifyReply, problem: MockProblem) => FastifyReply): void {
  const view = (cfa: CfaTenant) => ({ cfa: cfa.siret, now: runtime.horloges.pour(cfa.siret).now().toISOString(), propre: runtime.horloges.aSaPropre(cfa.siret) });
  const tenant = (request: FastifyRequest, reply: FastifyReply): CfaTenant | undefined => {
    const key = request.headers['x-api-key'];
    const found = typeof key === 'string' && key !== '' ? tenantOfKey(runtime, key) : undefined;
    if (!found) sendProblem(reply, new MockProblem(typeof key === 'string' && key !== '' ? 'CLE_API_INCONNUE' : 'CLE_API_ABSENTE', 'En-tête X-API-KEY du CFA attendu'));
    return found;
  };
  app.get('/_cfa/clock', async (request, reply) => {
    const cfa = tenant(request, reply);
    return cfa ? view(cfa) : reply;
  });
  app.put('/_cfa/clock', async (request, reply) => {
    const cfa = tenant(request, reply);
    if (!cfa) return reply;
    const body = request.body as { now?: string; advance?: string } | undefined;
    if (!body || !validateMove({ ...body })) {
      const champ = validateMove.errors?.find((e) => e.instancePath !== '')?.instancePath.slice(1);
      throw invalid('Corps attendu : {"now": "<date ISO 8601>"} ou {"advance": "<durée ISO 8601>"}', champ);
    }
    try {
      if (body.now !== undefined) {
        const date = new Date(body.now);
        if (Number.isNaN(date.getTime())) throw invalid(`Date invalide : ${body.now}`, 'now');
        runtime.horloges.deplacerPour(cfa.siret, { now: date });
      } else runtime.horloges.deplacerPour(cfa.siret, { advance: body.advance! });
    } catch (error) {
      if (error instanceof DurationError) throw invalid(`Durée ISO 8601 invalide : ${body.advance}`, 'advance');
      throw error;
    }
    await runtime.saveClock();
    return view(cfa);
  });
}
