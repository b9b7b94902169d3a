// The stateful mock OPCO's composition root: builds the runtime state, the Fastify app and its parts (mocks/http/).
import { clockFromState, systemClock, type Clock } from './clock.js';
import { FaultInjector, type Fault } from './faults.js';
import { HorlogesParCfa } from './horloges.js';
import { bundledProfiles, DEFAULT_OPCO, withOverrides } from './profiles.js';
import { compileSpec, defaultSpecPath } from './spec.js';
import { openStore } from './store/index.js';
import { StampWatcher } from './store/stamp-watcher.js';
import { DEFAULT_DELAIS, DEMO, demoConfig, TenantRegistry, type OAuthClient } from './tenants.js';
import type { Delais } from './engine/context.js';
import { bundledReferentiel } from './engine/referentiel.js';
import { FAULTS, registerAdmin } from './admin.js';
import { registerCfaClock } from './http/cfa-clock.js';
import { registerConsole } from './console/index.js';
import { createFastPath, replayBody } from './fast-path.js';
import { isBroken, parseBreaks } from './variants/index.js';
import { BODY_LIMIT } from './variants/behaviours.js';
import { registerVariantHooks } from './variants/http.js';
import { dossiersIfLoaded, engineIfLoaded, ENGINE_OPERATIONS, loadEngine } from './http/engine-table.js';
import { lazyPrism } from './http/prism.js';
import { sendProblem } from './http/reply.js';
import { comportementDesVariantes } from './comportement-variantes.js';
import { createRouter } from './http/router.js';
import { createServer } from './http/server.js';
import type { MockApp, MockAppOptions, MockRuntime } from './http/types.js';
import { WriteQueue } from './http/write-queue.js';

// Kept here for the callers that import them from mocks/app.ts.
export type { MockApp, MockAppOptions, MockRuntime, RequestLogEntry } from './http/types.js';
export { ENGINE_OPERATIONS, loadEngine } from './http/engine-table.js';
export { WriteQueue } from './http/write-queue.js';

/** Reads again what another instance may have changed through the admin API: clocks, tenants, faults, sessions. */
async function reloadShared(runtime: MockRuntime, options: MockAppOptions): Promise<void> {
  const store = runtime.store;
  if (!options.clock) {
    const saved = await store.getClock();
    runtime.clock = clockFromState(saved ?? runtime.initialClock);
    runtime.horloges.restaurer(saved?.parCfa);
  }
  await runtime.reloadTenants();
  runtime.faults.load((await store.getShared<Fault[]>(FAULTS)) ?? []);
  // Play counts follow the sessions in the store (emptied by another instance's reset).
  await runtime.certification?.restore();
}

export async function createMockApp(options: MockAppOptions = {}): Promise<MockApp> {
  const breaks = parseBreaks(options.breaks);
  // Certification mode's modules are loaded only in that mode.
  const certification = options.certification && (await import('./certification/recorder.js'));
  if (options.certification && certification) certification.checkPlays(options.certification.script, ENGINE_OPERATIONS);
  const spec = await compileSpec(options.spec ?? defaultSpecPath());
  const config = options.config ?? demoConfig();
  const store = openStore(options.store ?? 'memory');
  let clock: Clock;
  try {
    const saved = await store.getClock();
    clock = options.clock ?? (saved ? clockFromState(saved) : systemClock());
  } catch (error) {
    await store.close();
    throw error;
  }
  const delais: Delais = { ...DEFAULT_DELAIS, ...config.delais, ...options.certification?.script.delais };
  // etat-bloque-transmis: an instruction that never starts keeps every dossier TRANSMIS.
  if (isBroken(breaks, 'etat-bloque-transmis')) delais.instruction = 'P1000Y';
  const pageSize = config.pageSize ?? 50;
  const referentiel = options.referentiel ?? bundledReferentiel();
  const profiles = withOverrides(bundledProfiles(), config.opcos);
  const defaultOpco = config.defaultOpco ?? DEFAULT_OPCO;
  const clients = new Map<string, OAuthClient[]>();
  for (const id of profiles.keys()) {
    const configured = config.opcos?.[id]?.clients;
    clients.set(id, configured ?? (options.config ? [] : [DEMO.client]));
  }

  const runtime: MockRuntime = {
    store,
    clock,
    initialClock: clock.state(),
    config,
    tenants: new TenantRegistry(config.cfas),
    profiles,
    defaultOpco,
    faults: new FaultInjector(),
    tokens: new Map(),
    clients,
    spec,
    breaks,
    comportement: comportementDesVariantes(breaks),
    saveClock: () => store.setClock({ ...runtime.clock.state(), parCfa: runtime.horloges.etats() }),
    horloges: new HorlogesParCfa(() => runtime.clock),
    reloadTenants: async () => {
      runtime.tenants = new TenantRegistry([...config.cfas, ...(await store.getTenants())]);
    },
  };
  await runtime.reloadTenants();
  if (!options.clock) runtime.horloges.restaurer((await store.getClock())?.parCfa);
  runtime.faults.load((await store.getShared<Fault[]>(FAULTS)) ?? []);
  // Other instances on the store (--workers, several machines on one PostgreSQL) change the admin state too: reloaded
  // when the store's stamp moved, before a request is served. A memory store has no other instance.
  const watcher = store.kind === 'memory' ? undefined : new StampWatcher(store, () => reloadShared(runtime, options));

  const prism = lazyPrism();
  let lean: ReturnType<typeof createFastPath> | undefined;
  const app = createServer({ options, breaks, runtime, lean: () => lean });
  const started = Date.now();

  const writes = new WriteQueue(() => runtime.store);
  const recorder = options.certification && certification && new certification.CertificationRecorder(options.certification, runtime, writes, options.onError);
  if (recorder) {
    try {
      await recorder.restore();
    } catch (error) {
      await store.close();
      throw error;
    }
    recorder.register(app);
    runtime.certification = recorder;
  }
  if (watcher) {
    await watcher.prime();
    app.addHook('onRequest', async () => watcher.check());
  }

  registerAdmin(app, runtime, sendProblem, writes);
  registerCfaClock(app, runtime, sendProblem);
  // The web console (mocks/console/): its code loads on the first request to /_console.
  const consoleTap = registerConsole(app, { runtime, delais, pageSize, referentiel });
  registerVariantHooks(app, breaks);
  // A POST the lean path read, then gave back to Fastify (any answer but 201), comes with its body replayed.
  app.addHook('preParsing', (request, _reply, payload, done) => done(null, replayBody(request.raw) ?? payload));
  if (options.fastPath !== false) {
    lean = createFastPath({
      runtime,
      delais,
      pageSize,
      referentiel,
      writes,
      engine: dossiersIfLoaded,
      bodyLimit: BODY_LIMIT,
      ...(watcher ? { sync: () => watcher.check() } : {}),
      onRequest: options.onRequest,
      // Certification mode records every exchange through Fastify's hooks; so does the console's live log while watched.
      active: () => runtime.certification === undefined && consoleTap.capture === undefined,
    });
  }

  // Every norm request (public routes included: mocks/http/router.ts, PUBLIC_ROUTES).
  app.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    url: '/*',
    handler: createRouter({ runtime, delais, pageSize, referentiel, writes, recorder: recorder || undefined, prism, started }),
  });

  await app.ready();
  // After the caller's listen (which runs in this turn's microtasks): the start is not held up by the rule catalogue.
  if (!engineIfLoaded()) setImmediate(() => void loadEngine().catch(() => undefined));
  let closed = false;
  return {
    app,
    store: runtime.store,
    close: async () => {
      if (closed) return;
      closed = true;
      await app.close();
      await writes.idle();
      await runtime.store.close();
    },
  };
}
