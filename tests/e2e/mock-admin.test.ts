// The mock's admin API, fault injection, robustness (malformed input never gives a 500) and durability across restarts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createMockApp } from '../../mocks/app.js';
import { mocksAsset } from '../../mocks/profiles.js';
import { ADMIN, startTestMock, type TestMock } from '../../mocks/testdata/harness.js';
import { factureFor, HEADERS, depotCerfa, validCerfa } from '../../mocks/testdata/fixtures.js';
import { DEMO } from '../../mocks/tenants.js';

const dir = mkdtempSync(join(tmpdir(), 'mock-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let mock: TestMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

describe('admin API', () => {
  it('refuses calls without the admin token', async () => {
    mock = await startTestMock();
    const res = await mock.app.inject({ method: 'GET', url: '/_admin/state', headers: { authorization: 'Bearer wrong' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().errors[0].code).toBe('ADMIN_NON_AUTORISE');
    const withCfaKey = await mock.app.inject({ method: 'GET', url: '/_admin/clock', headers: HEADERS });
    expect(withCfaKey.statusCode).toBe(401);
  });

  it('reads, sets and advances the clock, and rejects what is not a date or a duration', async () => {
    mock = await startTestMock();
    expect((await mock.admin('GET', '/_admin/clock')).json().now).toBe('2026-01-16T09:00:00.000Z');
    expect((await mock.admin('PUT', '/_admin/clock', { now: '2026-03-01T00:00:00Z' })).json().now).toBe('2026-03-01T00:00:00.000Z');
    expect((await mock.admin('PUT', '/_admin/clock', { advance: 'P1M' })).json().now).toBe('2026-04-01T00:00:00.000Z');
    for (const bad of [{ advance: 'soon' }, { now: 'yesterday-ish' }, {}, { now: '2026-01-01', advance: 'P1D' }]) {
      const res = await mock.admin('PUT', '/_admin/clock', bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
    }
  });

  it('shows a redacted state: no API key, IBAN or personal data in full', async () => {
    mock = await startTestMock();
    await mock.call('POST', '/v2/dossiers', depotCerfa('STATE-1'));
    const res = await mock.admin('GET', '/_admin/state');
    expect(res.statusCode).toBe(200);
    const text = res.body;
    expect(text).not.toContain(DEMO.apiKey);
    expect(text).not.toContain(DEMO.iban);
    expect(text).not.toContain('MARTIN');
    expect(res.json().partitions).toEqual([{ opco: 'norme', cfa: DEMO.siret, dossiers: 1, factures: 0, pieces: 0 }]);
  });

  it('resets every dossier and seeded tenant', async () => {
    mock = await startTestMock();
    await mock.admin('POST', '/_admin/tenants', [{ siret: '42100000100006', denomination: 'B', keys: { '*': 'seeded-key-123' }, iban: DEMO.iban }]);
    await mock.call('POST', '/v2/dossiers', depotCerfa('RESET-1'));
    await mock.admin('PUT', '/_admin/clock', { advance: 'P10D' });
    expect((await mock.admin('POST', '/_admin/reset')).statusCode).toBe(200);
    expect((await mock.call('GET', '/v2/dossiers?numeroInterne=RESET-1')).statusCode).toBe(404);
    expect((await mock.call('GET', '/v2/dossiers/etats', undefined, { ...HEADERS, 'x-api-key': 'seeded-key-123' })).statusCode).toBe(403);
    expect((await mock.admin('GET', '/_admin/clock')).json().now).toBe('2026-01-16T09:00:00.000Z');
  });

  it('validates seeded tenants and names the bad field', async () => {
    mock = await startTestMock();
    const res = await mock.admin('POST', '/_admin/tenants', { siret: '123', denomination: 'X', keys: { '*': 'long-enough-key' }, iban: DEMO.iban });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('/siret');
  });
});

describe('faults', () => {
  it('fails the next request of an operation once, with Retry-After on 503', async () => {
    mock = await startTestMock();
    const fault = await mock.admin('POST', '/_admin/faults', { operation: 'GET /dossiers/etats', kind: '503', retryAfter: 7, count: 1 });
    expect(fault.statusCode).toBe(201);
    const other = await mock.call('GET', '/v2/cfakeyinfo');
    expect(other.statusCode).toBe(200);
    const failed = await mock.call('GET', '/v2/dossiers/etats');
    expect(failed.statusCode).toBe(503);
    expect(failed.headers['retry-after']).toBe('7');
    expect(failed.json().errors[0].code).toBe('SERVICE_INDISPONIBLE');
    expect((await mock.call('GET', '/v2/dossiers/etats')).statusCode).toBe(200);
  });

  it('targets one tenant, and sends 429 with Retry-After', async () => {
    mock = await startTestMock();
    await mock.admin('POST', '/_admin/faults', { tenant: '42100000100006', kind: '429' });
    expect((await mock.call('GET', '/v2/dossiers/etats')).statusCode).toBe(200);
    await mock.admin('POST', '/_admin/faults', { tenant: DEMO.siret, kind: '429', retryAfter: 2 });
    const limited = await mock.call('GET', '/v2/dossiers/etats');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('2');
    expect((await mock.admin('DELETE', '/_admin/faults')).statusCode).toBe(204);
    expect((await mock.call('GET', '/v2/dossiers/etats')).statusCode).toBe(200);
  });

  it('rejects an invalid fault', async () => {
    mock = await startTestMock();
    for (const bad of [{ kind: 'explode' }, { kind: '500', count: 1, ratio: 0.5 }, { kind: '500', operation: 'dossiers' }]) {
      expect((await mock.admin('POST', '/_admin/faults', bad)).statusCode, JSON.stringify(bad)).toBe(400);
    }
  });

  it('honours Prefer: code=… and latency=… per request', async () => {
    mock = await startTestMock();
    const res = await mock.call('GET', '/v2/dossiers/etats', undefined, { ...HEADERS, prefer: 'code=500' });
    expect(res.statusCode).toBe(500);
    expect(res.json().errors[0].code).toBe('ERREUR_SIMULEE');
    const started = Date.now();
    const slow = await mock.call('GET', '/v2/dossiers/etats', undefined, { ...HEADERS, prefer: 'latency=150' });
    expect(slow.statusCode).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('drops the connection over real HTTP', async () => {
    mock = await startTestMock();
    await mock.app.listen({ port: 0, host: '127.0.0.1' });
    await mock.admin('POST', '/_admin/faults', { kind: 'drop', count: 1 });
    await expect(request(mock.app.server).get('/v2/dossiers/etats').set(HEADERS)).rejects.toThrow(/socket hang up|ECONNRESET/);
    const ok = await request(mock.app.server).get('/v2/dossiers/etats').set(HEADERS);
    expect(ok.status).toBe(200);
    expect((mock.app.server.address() as AddressInfo).port).toBeGreaterThan(0);
  });
});

describe('robustness', () => {
  it('answers a malformed JSON body with a 400 problem', async () => {
    mock = await startTestMock();
    const res = await mock.app.inject({ method: 'POST', url: '/v2/dossiers', headers: { ...HEADERS, 'content-type': 'application/json' }, payload: '{"numeroInterne": ' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 400, errors: [{ code: 'JSON_MALFORME' }] });
  });

  it('names each invalid field with its JSON path', async () => {
    mock = await startTestMock();
    const cerfa = validCerfa('BAD-1') as unknown as Record<string, any>;
    delete cerfa.apprenti.nom;
    cerfa.contrat.dateDebutContrat = 'le 15 janvier';
    const res = await mock.call('POST', '/v2/dossiers', { cerfa });
    expect(res.statusCode).toBe(400);
    const champs = res.json().errors.map((e: { champ: string }) => e.champ);
    expect(champs).toContain('cerfa.apprenti.nom');
    expect(champs).toContain('cerfa.contrat.dateDebutContrat');
    for (const e of res.json().errors) expect(e.description).toMatch(/Le champ/);
  });

  it('answers a body of another type than JSON with 415 naming the expected type, without echoing it', async () => {
    mock = await startTestMock();
    const nir = '206036912304570';
    const body = JSON.stringify({ cerfa: { apprenti: { nom: 'Martin', nir, dateNaissance: '2006-03-14' } } });
    // curl's `--data` without -H 'Content-Type: application/json' sends form-urlencoded; others send text/plain or none.
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', undefined]) {
      const headers: Record<string, string> = { ...HEADERS };
      if (type !== undefined) headers['content-type'] = type;
      const res = await mock.app.inject({ method: 'POST', url: '/v2/dossiers', headers, payload: Buffer.from(body) });
      expect(res.statusCode, String(type)).toBe(415);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().errors[0]).toMatchObject({ code: 'TYPE_CONTENU_NON_SUPPORTE', champ: 'Content-Type' });
      expect(res.body).not.toContain(nir);
      expect(res.body).not.toContain('Martin');
    }
  });

  it('answers a missing body and an empty JSON body with 400', async () => {
    mock = await startTestMock();
    const cases = [
      { headers: HEADERS },
      { headers: { ...HEADERS, 'content-type': 'application/json' }, payload: '' },
      { headers: { ...HEADERS, 'content-type': 'application/json' }, payload: '[]' },
      { headers: { ...HEADERS, 'content-type': 'application/json' }, payload: 'null' },
    ];
    for (const c of cases) {
      const res = await mock.app.inject({ method: 'POST', url: '/v2/factures', ...c });
      expect(res.statusCode, JSON.stringify(c)).toBe(400);
    }
  });

  it('never answers 500 to arbitrary JSON on any write operation', async () => {
    mock = await startTestMock();
    const urls = ['/v2/dossiers', '/v2/factures', '/v2/dossiers/rupture/employeur', '/v2/conventions', '/v2/certificats', '/v2/documents'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...urls), fc.jsonValue(), async (url, body) => {
        const res = await mock!.app.inject({ method: 'POST', url, headers: { ...HEADERS, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });

  it('never answers 500 to a mutated valid CERFA', async () => {
    mock = await startTestMock();
    const paths = ['apprenti', 'apprenti.dateNaissance', 'contrat.dateDebutContrat', 'formation', 'employeur.adresse', 'contrat.remunerationsAnnuelles', 'maitre1'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.jsonValue(), fc.nat(), async (path, value, n) => {
        const cerfa = validCerfa(`FUZZ-${n}`) as unknown as Record<string, any>;
        const keys = path.split('.');
        let target = cerfa;
        for (const k of keys.slice(0, -1)) target = target[k];
        target[keys.at(-1)!] = value;
        const res = await mock!.call('POST', '/v2/dossiers', { cerfa });
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });
});

describe('durability', () => {
  it('keeps dossiers, invoices, clock and counters across a restart on the same SQLite file', async () => {
    const file = join(dir, 'restart.sqlite');
    const first = await createMockApp({ store: file });
    const adminCall = (app: typeof first.app, method: 'GET' | 'PUT', body?: object) =>
      app.inject({ method, url: '/_admin/clock', headers: ADMIN, ...(body ? { payload: body } : {}) });
    await adminCall(first.app, 'PUT', { now: '2026-01-16T09:00:00Z' });
    const created = await first.app.inject({ method: 'POST', url: '/v2/dossiers', headers: HEADERS, payload: depotCerfa('KEEP-1') });
    expect(created.statusCode).toBe(201);
    await adminCall(first.app, 'PUT', { advance: 'P6D' });
    await first.app.inject({ method: 'POST', url: '/_admin/tenants', headers: ADMIN, payload: { siret: '42100000100006', denomination: 'B', keys: { '*': 'seeded-key-123' }, iban: DEMO.iban } });
    await first.close();

    const second = await createMockApp({ store: file });
    try {
      const clock = (await adminCall(second.app, 'GET')).json().now as string;
      expect(clock >= '2026-01-22T09:00:00' && clock < '2026-01-22T09:10:00').toBe(true);
      const read = await second.app.inject({ method: 'GET', url: '/v2/dossiers?numeroInterne=KEEP-1', headers: HEADERS });
      expect(read.statusCode).toBe(200);
      expect(read.json().cerfa.etat).toBe('ENGAGE');
      expect(read.json().cerfa.numeroExterne).toBe(created.json().numeroExterne);
      const next = await second.app.inject({ method: 'POST', url: '/v2/dossiers', headers: HEADERS, payload: depotCerfa('KEEP-2', { nom: 'AUTRE' }) });
      expect(next.json().numeroExterne).not.toBe(created.json().numeroExterne);
      const seeded = await second.app.inject({ method: 'GET', url: '/v2/dossiers/etats', headers: { ...HEADERS, 'x-api-key': 'seeded-key-123' } });
      expect(seeded.statusCode).toBe(200);
      // A rejected invoice is committed as REJETEE (the rejection is an answer, not a rolled-back failure).
      const dossier = read.json();
      const bad = { ...factureFor(dossier, 'FAC-BAD', 1, '2026-01-22'), montantTotal: 1 };
      expect((await second.app.inject({ method: 'POST', url: '/v2/factures', headers: HEADERS, payload: bad })).statusCode).toBe(400);
      const good = factureFor(dossier, 'FAC-GOOD', 1, '2026-01-22');
      expect((await second.app.inject({ method: 'POST', url: '/v2/factures', headers: HEADERS, payload: good })).statusCode).toBe(201);
    } finally {
      await second.close();
    }
    const third = await createMockApp({ store: file });
    try {
      const etats = (await third.app.inject({ method: 'GET', url: '/v2/factures/etats', headers: HEADERS })).json();
      expect(etats.factures.map((f: { numeroInterneFacture: string; etatFacture: string }) => [f.numeroInterneFacture, f.etatFacture])).toEqual([
        ['FAC-BAD', 'REJETEE'],
        ['FAC-GOOD', 'EN_COURS_INSTRUCTION'],
      ]);
      const e1 = (await third.app.inject({ method: 'GET', url: '/v2/dossiers?numeroInterne=KEEP-1', headers: HEADERS })).json().echeances[0];
      expect(e1.montantEnCoursInstruction).toBe(e1.montantTotal);
    } finally {
      await third.close();
    }
  });
});

describe('durability under concurrency', () => {
  it('acknowledges 40 concurrent deposits and finds all 40 after a restart', async () => {
    const file = join(dir, 'concurrent.sqlite');
    const first = await createMockApp({ store: file });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        first.app.inject({ method: 'POST', url: '/v2/dossiers', headers: HEADERS, payload: depotCerfa(`CONC-${i}`, { nom: `NOM${i}` }) }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(40).fill(201));
    expect(new Set(answers.map((a) => a.json().numeroExterne)).size).toBe(40);
    await first.close();
    const second = await createMockApp({ store: file });
    try {
      const etats = (await second.app.inject({ method: 'GET', url: '/v2/dossiers/etats?numeroPage=1', headers: HEADERS })).json();
      expect(etats.total).toBe(40);
    } finally {
      await second.close();
    }
  });
});

describe("a user's own spec", () => {
  it('serves the operations the engine maps, and answers the others from their examples (Prism)', async () => {
    mock = await startTestMock({ spec: mocksAsset('testdata/norme-mini.yaml') });
    const fallback = await mock.call('GET', '/v2/referentiel/natures-frais');
    expect(fallback.statusCode).toBe(200);
    expect(fallback.json()).toEqual(['HEBERGEMENT', 'RESTAURATION', 'PREMIER_EQUIPEMENT', 'MOBILITE_INTERNATIONALE']);
    expect((await mock.call('POST', '/v2/dossiers', depotCerfa('OWN-1'))).statusCode).toBe(201);
    // Still authenticated like every other operation.
    const { 'x-api-key': _k, ...noKey } = HEADERS;
    expect((await mock.call('GET', '/v2/referentiel/natures-frais', undefined, noKey)).statusCode).toBe(401);
  });

  it('refuses a spec file that does not exist or does not parse, naming the file', async () => {
    await expect(createMockApp({ spec: join(dir, 'missing.yaml') })).rejects.toThrow(/missing\.yaml/);
    const { writeFileSync } = await import('node:fs');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'openapi: [');
    await expect(createMockApp({ spec: bad })).rejects.toThrow(/bad\.yaml/);
  });
});
