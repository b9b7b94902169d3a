// The lean path: it answers plain GET/POST /v2/dossiers itself, byte for byte as Fastify would, and gives back the rest.
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockApp } from './app.js';
import { ENGINE_OPERATIONS, loadEngine } from './http/engine-table.js';
import type { MockApp, RequestLogEntry } from './http/types.js';
import { WriteQueue } from './http/write-queue.js';
import { frozenClock } from './clock.js';
import * as dossiers from './engine/dossiers.js';
import { bundledReferentiel } from './engine/referentiel.js';
import { createFastPath, replayBody } from './fast-path.js';
import { FaultInjector } from './faults.js';
import { bundledProfiles, DEFAULT_OPCO } from './profiles.js';
import { compileSpec, defaultSpecPath } from './spec.js';
import { openStore } from './store/index.js';
import { DEFAULT_DELAIS, DEMO, demoConfig, TenantRegistry } from './tenants.js';
import { dossierLu, dossierLuJson } from './engine/views.js';
import { SqliteStore } from './store/sqlite.js';
import type { DossierRecord } from './store/types.js';
import { ADMIN, START } from './testdata/harness.js';
import { depotCerfa, HEADERS } from './testdata/fixtures.js';
import { NO_BREAKS } from './variants/index.js';

interface Exchange {
  status: number;
  /** Lower-cased `name: value` lines, Date left out (it moves), sorted. */
  headers: string[];
  body: string;
}

function send(base: string, method: string, path: string, headers: Record<string, string>, body?: Buffer | string): Promise<Exchange> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method, path, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const lines: string[] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            const name = res.rawHeaders[i]!.toLowerCase();
            if (name !== 'date') lines.push(`${name}: ${res.rawHeaders[i + 1]}`);
          }
          resolve({ status: res.statusCode ?? 0, headers: lines.sort(), body: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const JSON_HEADERS = { ...HEADERS, 'content-type': 'application/json' };
const cerfa = (numero: string, nom = 'MARTIN'): string => JSON.stringify(depotCerfa(numero, { nom }));

describe.each(['memory', 'sqlite'] as const)('the lean path answers exactly what Fastify answers (%s store)', (kind) => {
  const apps: { mock: MockApp; url: string; log: RequestLogEntry[] }[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'fast-path-'));

  beforeAll(async () => {
    for (const fastPath of [true, false]) {
      const log: RequestLogEntry[] = [];
      const store = kind === 'memory' ? 'memory' : join(dir, `${fastPath}.sqlite`);
      const mock = await createMockApp({ clock: frozenClock(START), store, fastPath, onRequest: (entry) => log.push(entry) });
      apps.push({ mock, url: await mock.app.listen({ port: 0, host: '127.0.0.1' }), log });
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.mock.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The same request to the app with the lean path and to the one without: same status, headers, body and log entry. */
  async function both(method: string, path: string, headers: Record<string, string>, body?: Buffer | string): Promise<Exchange> {
    const [lean, plain] = [await send(apps[0]!.url, method, path, headers, body), await send(apps[1]!.url, method, path, headers, body)];
    expect(lean).toEqual(plain);
    const [a, b] = apps.map((app) => ({ ...app.log[app.log.length - 1], ms: 0 }));
    expect(a).toEqual(b);
    return lean;
  }

  it('deposits and reads a dossier (the paths the lean path serves)', async () => {
    const created = await both('POST', '/v2/dossiers', JSON_HEADERS, cerfa('FP-1'));
    expect(created.status).toBe(201);
    expect(JSON.parse(created.body)).toMatchObject({ numeroInterne: 'FP-1', etat: 'TRANSMIS' });
    expect(created.headers).toContain('content-type: application/json; charset=utf-8');
    const read = await both('GET', '/v2/dossiers?numeroInterne=FP-1', HEADERS);
    expect(read.status).toBe(200);
    expect(JSON.parse(read.body).cerfa.numeroInterne).toBe('FP-1');
    // The same identity under another number: accepted, later ANNULE, on both.
    expect((await both('POST', '/v2/dossiers', JSON_HEADERS, cerfa('FP-2'))).status).toBe(201);
    expect((await both('POST', '/v2/dossiers', { ...HEADERS, 'content-type': 'application/json; charset=utf-8' }, cerfa('FP-3', 'AUTRE'))).status).toBe(201);
  });

  it('answers every refusal of a deposit the same way', async () => {
    expect((await both('POST', '/v2/dossiers', JSON_HEADERS, cerfa('FP-1'))).status).toBe(409);
    expect((await both('POST', '/v2/dossiers', JSON_HEADERS, '{"numeroInterne": ')).status).toBe(400);
    expect((await both('POST', '/v2/dossiers', JSON_HEADERS, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))).status).toBe(400);
    expect((await both('POST', '/v2/dossiers', JSON_HEADERS, '   ')).status).toBe(400);
    expect((await both('POST', '/v2/dossiers', JSON_HEADERS, '{}')).status).toBe(400);
    const late = JSON.parse(cerfa('FP-4')) as { cerfa: { contrat: { dateFinContrat: string } } };
    late.cerfa.contrat.dateFinContrat = '2025-01-01';
    const rejected = await both('POST', '/v2/dossiers', JSON_HEADERS, JSON.stringify(late));
    expect(rejected.status).toBe(400);
    expect(rejected.headers.some((h) => h.startsWith('content-type: application/problem+json'))).toBe(true);
    expect((await both('POST', '/v2/dossiers', { ...JSON_HEADERS, 'x-api-key': 'inconnue' }, cerfa('FP-5'))).status).toBe(403);
    const { editeur: _e, ...noEditeur } = JSON_HEADERS;
    expect((await both('POST', '/v2/dossiers', noEditeur, cerfa('FP-6'))).status).toBe(400);
    expect((await both('POST', '/v2/dossiers', { ...JSON_HEADERS, prefer: 'code=503' }, cerfa('FP-7'))).status).toBe(503);
    expect((await both('POST', '/v2/dossiers', { ...HEADERS, 'content-type': 'text/plain' }, cerfa('FP-8'))).status).toBe(415);
  });

  it('answers every other read the same way', async () => {
    expect((await both('GET', '/v2/dossiers?numeroInterne=INCONNU', HEADERS)).status).toBe(404);
    expect((await both('GET', '/v2/dossiers?numeroInterne=FP%2D1', HEADERS)).status).toBe(200);
    expect((await both('GET', '/v2/dossiers?numeroInterne=FP-1&x=1', HEADERS)).status).toBe(200);
    expect((await both('GET', '/v2/dossiers?numeroInterne=', HEADERS)).status).toBe(400);
    expect((await both('GET', '/v2/dossiers?numeroInterne=FP-1', { ...HEADERS, 'x-api-key': ' ' })).status).toBe(401);
    expect((await both('GET', '/v2/dossiers?numeroInterne=FP-1', { ...HEADERS, prefer: 'code=429' })).status).toBe(429);
  });

  it('reads the same dossier the same way through its life (clock moved on both)', async () => {
    const advance = async (duration: string): Promise<void> => {
      for (const app of apps) {
        const res = await app.mock.app.inject({ method: 'PUT', url: '/_admin/clock', headers: ADMIN, payload: { advance: duration } });
        expect(res.statusCode).toBeLessThan(300);
      }
    };
    const etats = new Set<string>();
    // Within three months of the start: nothing invoiced yet, the contracts are still engaged (not "non commencé").
    for (const step of ['P0D', 'P3D', 'P30D', 'P30D']) {
      await advance(step);
      for (const numero of ['FP-1', 'FP-2', 'FP-3']) {
        const read = await both('GET', `/v2/dossiers?numeroInterne=${numero}`, HEADERS);
        expect(read.status).toBe(200);
        etats.add((JSON.parse(read.body) as { cerfa: { etat: string } }).cerfa.etat);
      }
    }
    expect(etats).toEqual(new Set(['TRANSMIS', 'EN_COURS_INSTRUCTION', 'ENGAGE', 'ANNULE']));
    const rupture = await both('POST', '/v2/dossiers/rupture/employeur', JSON_HEADERS, JSON.stringify({ numeroInterne: 'FP-1', dateRupture: '2026-03-01' }));
    expect(rupture.status).toBe(200);
    expect((await both('GET', '/v2/dossiers?numeroInterne=FP-1', HEADERS)).body).toContain('"dateRupture":"2026-03-01"');
  });

  it('applies an armed fault on both', async () => {
    for (const app of apps) {
      const res = await app.mock.app.inject({ method: 'POST', url: '/_admin/faults', headers: ADMIN, payload: { kind: '503', count: 2 } });
      expect(res.statusCode).toBe(201);
    }
    expect((await both('GET', '/v2/dossiers?numeroInterne=FP-1', HEADERS)).status).toBe(503);
    expect((await both('POST', '/v2/dossiers', JSON_HEADERS, cerfa('FP-9'))).status).toBe(503);
    expect((await both('GET', '/v2/dossiers?numeroInterne=FP-1', HEADERS)).status).toBe(200);
  });
});

describe('what the lean path takes and what it gives back', () => {
  let server: Server;
  let base: string;
  const givenBack: { url: string; body: string | null }[] = [];
  let faults: FaultInjector;

  let engineLoaded = true;
  beforeAll(async () => {
    const store = openStore('memory');
    faults = new FaultInjector();
    const runtime = {
      store,
      clock: frozenClock(START),
      tenants: new TenantRegistry(demoConfig().cfas),
      profiles: bundledProfiles(),
      defaultOpco: DEFAULT_OPCO,
      faults,
      spec: await compileSpec(defaultSpecPath()),
      breaks: NO_BREAKS,
    };
    const lean = createFastPath({
      runtime,
      delais: DEFAULT_DELAIS,
      pageSize: 50,
      referentiel: bundledReferentiel(),
      writes: new WriteQueue(() => store),
      engine: () => (engineLoaded ? dossiers : undefined),
      bodyLimit: 1024 * 1024,
    });
    const next = (req: IncomingMessage, res: import('node:http').ServerResponse): void => {
      const replayed = replayBody(req);
      const finish = (body: string | null): void => {
        givenBack.push({ url: `${req.method} ${req.url}`, body });
        res.writeHead(599).end();
      };
      if (replayed) {
        const chunks: Buffer[] = [];
        replayed.on('data', (c: Buffer) => chunks.push(c)).on('end', () => finish(Buffer.concat(chunks).toString('utf8')));
      } else req.resume().on('end', () => finish(null));
    };
    server = createServer((req, res) => lean(req, res, next));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('answers a plain deposit and read itself', async () => {
    expect((await send(base, 'POST', '/v2/dossiers', JSON_HEADERS, cerfa('LP-1'))).status).toBe(201);
    expect((await send(base, 'GET', '/v2/dossiers?numeroInterne=LP-1', HEADERS)).status).toBe(200);
    expect(givenBack).toEqual([]);
  });

  it('gives back refusals with the body it read, and untouched requests before reading', async () => {
    const bad = '{"numeroInterne": 1}';
    expect((await send(base, 'POST', '/v2/dossiers', JSON_HEADERS, bad)).status).toBe(599);
    expect((await send(base, 'POST', '/v2/dossiers', JSON_HEADERS, cerfa('LP-1'))).status).toBe(599);
    expect((await send(base, 'GET', '/v2/dossiers?numeroInterne=NONE', HEADERS)).status).toBe(599);
    expect((await send(base, 'POST', '/v2/dossiers', { ...JSON_HEADERS, 'x-api-key': 'x' }, cerfa('LP-2'))).status).toBe(599);
    expect((await send(base, 'POST', '/akto/v2/dossiers', JSON_HEADERS, cerfa('LP-3'))).status).toBe(599);
    faults.add({ kind: 'latency', latencyMs: 1 });
    expect((await send(base, 'GET', '/v2/dossiers?numeroInterne=LP-1', HEADERS)).status).toBe(599);
    faults.clear();
    expect(givenBack).toEqual([
      { url: 'POST /v2/dossiers', body: bad },
      { url: 'POST /v2/dossiers', body: cerfa('LP-1') },
      { url: 'GET /v2/dossiers?numeroInterne=NONE', body: null },
      // Given back before its body was read: Fastify reads it from the socket.
      { url: 'POST /v2/dossiers', body: null },
      { url: 'POST /akto/v2/dossiers', body: null },
      { url: 'GET /v2/dossiers?numeroInterne=LP-1', body: null },
    ]);
  });

  it('gives back plain requests untouched while the engine is still loading', async () => {
    givenBack.length = 0;
    engineLoaded = false;
    try {
      expect((await send(base, 'POST', '/v2/dossiers', JSON_HEADERS, cerfa('LP-9'))).status).toBe(599);
      expect((await send(base, 'GET', '/v2/dossiers?numeroInterne=LP-1', HEADERS)).status).toBe(599);
    } finally {
      engineLoaded = true;
    }
    expect(givenBack).toEqual([
      { url: 'POST /v2/dossiers', body: null },
      { url: 'GET /v2/dossiers?numeroInterne=LP-1', body: null },
    ]);
  });
});

describe('the engine loaded after start', () => {
  it('serves exactly the operations the app declares before loading it', async () => {
    expect(Object.keys(await loadEngine()).sort()).toEqual([...ENGINE_OPERATIONS].sort());
  });
});

describe('a read spliced from the stored CERFA text (SQLite store)', () => {
  const scope = { opco: DEFAULT_OPCO, cfa: DEMO.siret };
  const now = new Date(START);
  const later = new Date(Date.parse(START) + 400 * 86_400_000);
  let base: DossierRecord;
  const dir = mkdtempSync(join(tmpdir(), 'fast-path-split-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const mock = await createMockApp({ clock: frozenClock(START), store: 'memory', fastPath: false });
    const res = await mock.app.inject({ method: 'POST', url: '/v2/dossiers', headers: JSON_HEADERS, payload: cerfa('SP-1') });
    expect(res.statusCode).toBe(201);
    base = (await mock.store.getDossier(scope, 'SP-1'))!;
    await mock.close();
    expect(base.decision.etat).toBe('ENGAGE');
  });

  /** Records in every shape a read distinguishes, including CERFAs that must not be spliced. */
  function variants(): DossierRecord[] {
    const copy = (): DossierRecord => structuredClone(base);
    const out: DossierRecord[] = [copy()];
    const refused = copy();
    Object.assign(refused.decision, { etat: 'REFUSE', commentaireEtat: 'Refusé : « âge » \\ "x"', numeroDeca: null, engagement: null, echeances: [] });
    const annule = copy();
    Object.assign(annule.decision, { etat: 'ANNULE', step: 'instruction', commentaireEtat: 'Doublon', numeroDeca: null });
    const sansDeca = copy();
    sansDeca.decision.numeroDeca = null;
    const rompu = copy();
    rompu.rupture = { dateRupture: '2026-03-01', declaredAt: START, echeances: rompu.decision.echeances.slice(0, 1), engagement: 100 };
    const paye = copy();
    paye.allocations = paye.decision.echeances.map((e, i) => ({ numeroInterneFacture: `F-${i}`, numeroEcheance: e.numero, montant: e.montantTotal, paidAt: START }));
    const frais = copy();
    frais.fraisAnnexes = [{ type: 'HEBERGEMENT', montant: 12.5 } as never];
    const contratVide = copy();
    (contratVide.cerfa as { contrat: object }).contrat = {};
    const contratDernier = copy();
    const { contrat, ...rest } = contratDernier.cerfa;
    contratDernier.cerfa = { ...rest, contrat } as DossierRecord['cerfa'];
    const contratPremier = copy();
    const { contrat: premier, ...autres } = contratPremier.cerfa;
    contratPremier.cerfa = { contrat: premier, ...autres } as DossierRecord['cerfa'];
    // Keys a read adds, already in the CERFA: kept where they are by the spread, so not spliced (full parse).
    const etatDejaLa = copy();
    (etatDejaLa.cerfa as unknown as Record<string, unknown>).etat = 'BROUILLON';
    const noContratDejaLa = copy();
    (noContratDejaLa.cerfa.contrat as unknown as Record<string, unknown>).noContrat = 'X';
    const chaine = copy();
    chaine.identityKey = '","cerfa":{"x":1}';
    // An own `__proto__` key (JSON.parse makes one): serialised like any other key.
    const proto = copy();
    Object.defineProperty(proto.cerfa, '__proto__', { value: { x: 1 }, enumerable: true, writable: true, configurable: true });
    out.push(proto, refused, annule, sansDeca, rompu, paye, frais, contratVide, contratDernier, contratPremier, etatDejaLa, noContratDejaLa, chaine);
    return out;
  }

  it('is byte for byte JSON.stringify(dossierLu(record)) in every state, and getDossier returns the record as written', async () => {
    const store = new SqliteStore(join(dir, 'split.sqlite'));
    const profile = bundledProfiles().get(DEFAULT_OPCO)!;
    let spliced = 0;
    for (const [i, variant] of variants().entries()) {
      const record = { ...variant, numeroInterne: `SP-V${i}` };
      await store.putDossier(record);
      expect(await store.getDossier(scope, record.numeroInterne)).toEqual(record);
      const found = store.readDossierSplit(scope, record.numeroInterne)!;
      if ('meta' in found) expect(found.cerfa.text).toBe(JSON.stringify(record.cerfa));
      for (const at of [now, new Date(Date.parse(START) + 2 * 86_400_000), later]) {
        const expected = JSON.stringify(dossierLu(record, at, DEFAULT_DELAIS, profile, 'FR76IBAN', 500));
        const actual = 'meta' in found ? dossierLuJson(found.meta, found.cerfa, at, DEFAULT_DELAIS, profile, 'FR76IBAN', 500) : JSON.stringify(dossierLu(found.record, at, DEFAULT_DELAIS, profile, 'FR76IBAN', 500));
        expect(actual).toBe(expected);
      }
      if ('meta' in found) spliced++;
    }
    // All but the two CERFAs carrying a key a read adds.
    expect(spliced).toBe(variants().length - 2);
    await store.close();
  });

  it('reads rows written before the split layout (CERFA in the middle) by a full parse', async () => {
    const file = join(dir, 'old.sqlite');
    const store = new SqliteStore(file);
    await store.close();
    const db = new Database(file);
    db.prepare('INSERT INTO dossiers (opco, cfa, numero_interne, identity_key, data) VALUES (?, ?, ?, ?, ?)').run(scope.opco, scope.cfa, 'OLD-1', base.identityKey, JSON.stringify({ ...base, numeroInterne: 'OLD-1' }));
    db.close();
    const reopened = new SqliteStore(file);
    const found = reopened.readDossierSplit(scope, 'OLD-1');
    expect(found && 'record' in found && found.record).toEqual({ ...base, numeroInterne: 'OLD-1' });
    expect(await reopened.getDossier(scope, 'OLD-1')).toEqual({ ...base, numeroInterne: 'OLD-1' });
    await reopened.close();
  });
});
