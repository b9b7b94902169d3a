// The mock's admin API under /_admin: clock, reset, tenant seeding, redacted state and fault injection.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Ajv } from 'ajv';
import { clockFromState, DurationError } from './clock.js';
import type { Mouvement } from './horloges.js';
import { MockProblem } from './errors.js';
import { faultSchema, type Fault, type FaultSpec } from './faults.js';
import type { MockRuntime } from './http/types.js';
import { checkCfas, ConfigError } from './tenants.js';
import { redactIban, redactSecret } from './redact.js';
import { registerCertificationAdmin } from './certification/admin.js';

/** The name of the armed faults in the store's shared state (mocks/store/types.ts getShared). */
export const FAULTS = 'faults';

const ajv = new Ajv({ allErrors: true });
const validateFault = ajv.compile(faultSchema);
const validateClock = ajv.compile({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { now: { type: 'string', minLength: 10 }, advance: { type: 'string', pattern: '^P' }, cfa: { type: 'string', pattern: '^[0-9]{14}$' } },
  oneOf: [{ required: ['now'] }, { required: ['advance'] }],
});

function invalid(detail: string, champ?: string): MockProblem {
  return new MockProblem('REQUETE_INVALIDE', detail, [{ code: 'REQUETE_INVALIDE', description: detail, ...(champ ? { champ } : {}) }]);
}

export function registerAdmin(
  app: FastifyInstance,
  runtime: MockRuntime,
  sendProblem: (reply: FastifyReply, problem: MockProblem) => FastifyReply,
  writes: { run<T>(fn: () => Promise<T>): Promise<T> },
): void {
  const expected = Buffer.from(`Bearer ${runtime.config.admin.token}`);
  const guard = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const given = Buffer.from(String(request.headers.authorization ?? ''));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      sendProblem(reply, new MockProblem('ADMIN_NON_AUTORISE', "En-tête Authorization: Bearer <jeton d'administration> attendu"));
    }
  };

  /**
   * Changes the armed faults in the shared store (read, change, write in one unit of the write queue: two instances
   * arming at once both keep theirs), then here; the store's stamp moves, so the other instances load them too.
   */
  const changeFaults = async (change: (faults: Fault[]) => Fault[]): Promise<void> => {
    const faults = await writes.run(async () => {
      const next = change((await runtime.store.getShared<Fault[]>(FAULTS)) ?? []);
      await runtime.store.setShared(FAULTS, next);
      return next;
    });
    runtime.faults.load(faults);
  };

  // `cfas`: the CFAs that moved their own clock (mocks/horloges.ts), each with its date.
  const clockView = () => ({ now: runtime.clock.now().toISOString(), state: runtime.clock.state(), cfas: runtime.horloges.vue() });

  app.register(
    async (admin) => {
      admin.addHook('preHandler', guard);

      admin.get('/clock', async () => clockView());

      admin.put('/clock', async (request) => {
        const body = request.body as { now?: string; advance?: string; cfa?: string } | undefined;
        if (!body || !validateClock({ ...body })) throw invalid('Corps attendu : {"now": "<date ISO 8601>"} ou {"advance": "<durée ISO 8601>"}, et "cfa": "<SIRET>" pour la seule horloge de ce CFA');
        if (body.cfa !== undefined && !runtime.tenants.sirets().includes(body.cfa)) throw invalid(`CFA inconnu : ${body.cfa}`, 'cfa');
        let mouvement: Mouvement;
        if (body.now !== undefined) {
          const date = new Date(body.now);
          if (Number.isNaN(date.getTime())) throw invalid(`Date invalide : ${body.now}`, 'now');
          mouvement = { now: date };
        } else mouvement = { advance: body.advance! };
        try {
          // One CFA's clock, or the shared clock with every CFA's own (the admin moves any or all).
          if (body.cfa !== undefined) runtime.horloges.deplacerPour(body.cfa, mouvement);
          else runtime.horloges.deplacerToutes(mouvement);
        } catch (error) {
          if (error instanceof DurationError) throw invalid(`Durée ISO 8601 invalide : ${body.advance}`, 'advance');
          throw error;
        }
        await runtime.saveClock();
        return clockView();
      });

      admin.post('/reset', async () => {
        await runtime.store.reset();
        runtime.faults.clear();
        runtime.tokens.clear();
        runtime.certification?.reset();
        runtime.clock = clockFromState(runtime.initialClock);
        runtime.horloges.vider();
        await runtime.reloadTenants();
        return { reset: true, ...clockView() };
      });

      admin.post('/tenants', async (request, reply) => {
        let cfas;
        try {
          cfas = checkCfas(request.body, 'request body');
        } catch (error) {
          if (error instanceof ConfigError) throw invalid(error.message);
          throw error;
        }
        for (const cfa of cfas) await runtime.store.putTenant(cfa);
        await runtime.reloadTenants();
        return reply.code(201).send({ sirets: cfas.map((c) => c.siret) });
      });

      admin.get('/state', async () => ({
        clock: clockView(),
        store: runtime.store.kind,
        spec: runtime.spec.file,
        defaultOpco: runtime.defaultOpco,
        tenants: runtime.tenants.all().map((t) => ({
          siret: t.siret,
          denomination: t.denomination,
          keys: Object.fromEntries(Object.entries(t.keys).map(([opco, key]) => [opco, redactSecret(key)])),
          iban: redactIban(t.iban),
        })),
        partitions: await runtime.store.stats(),
        faults: runtime.faults.list(),
      }));

      admin.get('/faults', async () => runtime.faults.list());

      admin.post('/faults', async (request, reply) => {
        if (!validateFault(request.body)) {
          throw invalid(`Faute invalide : ${(validateFault.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ')}`);
        }
        const fault: Fault = { ...(request.body as FaultSpec), id: randomUUID() };
        await changeFaults((faults) => [...faults, fault]);
        return reply.code(201).send(fault);
      });

      // One fault, the others kept as they are (the console's « désarmer »).
      admin.delete('/faults/:id', async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
        const { id } = request.params;
        let found = false;
        await changeFaults((faults) => {
          found = faults.some((f) => f.id === id);
          return faults.filter((f) => f.id !== id);
        });
        if (!found) throw invalid(`Aucune faute armée « ${id} »`, 'id');
        return reply.code(204).send();
      });

      admin.delete('/faults', async (_request, reply) => {
        await changeFaults(() => []);
        return reply.code(204).send();
      });

      registerCertificationAdmin(admin, runtime);
    },
    { prefix: '/_admin' },
  );
}
