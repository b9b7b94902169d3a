// Several instances on one store (issue 17 §2): what the admin API changes through one instance, another answers the
// same (clock, tenants, faults), and a deposit made through one is read through the other, on both their lean paths.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMockApp, loadEngine, type MockApp } from '../../mocks/app.js';
import { DEMO } from '../../mocks/tenants.js';
import { depotCerfa, HEADERS } from '../../mocks/testdata/fixtures.js';
import { PgTestSchemas, pgTestUrl } from '../../mocks/store/testing/postgres.js';

const dir = mkdtempSync(join(tmpdir(), 'instances-'));
const pgUrl = pgTestUrl();
const schemas = pgUrl ? new PgTestSchemas(pgUrl) : undefined;
const open: MockApp[] = [];
afterAll(async () => {
  await Promise.all(open.map((m) => m.close()));
  rmSync(dir, { recursive: true, force: true });
  await schemas?.dropAll();
});

const stores: [string, () => string][] = [['sqlite', () => join(dir, 'shared.sqlite')]];
if (schemas) stores.push(['postgres', () => `${pgUrl}${pgUrl!.includes('?') ? '&' : '?'}schema=${schemas.schema()}`]);

const ADMIN = { authorization: `Bearer ${DEMO.adminToken}` };
const SEEDED = { siret: '42100000100006', denomination: 'CFA semé', keys: { '*': 'seeded-key-123' }, iban: DEMO.iban };

/** An instance listening on a port of its own, as a worker or another machine would. */
async function instance(store: string): Promise<{ mock: MockApp; url: string }> {
  const mock = await createMockApp({ store });
  open.push(mock);
  return { mock, url: await mock.app.listen({ port: 0, host: '127.0.0.1' }) };
}

const admin = async (mock: MockApp, method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
  mock.app.inject({ method, url, headers: ADMIN, ...(payload === undefined ? {} : { payload: payload as object }) });

describe.each(stores)('two instances on one %s store', (_name, place) => {
  it('answer the same after the admin changed one, and share their dossiers', async () => {
    const store = place();
    const [a, b] = [await instance(store), await instance(store)];
    // The lean path (mocks/fast-path.ts) serves deposits and reads once the engine is loaded.
    await loadEngine();

    expect((await admin(a.mock, 'PUT', '/_admin/clock', { now: '2026-01-16T09:00:00Z' })).statusCode).toBe(200);
    // A running clock (an offset from real time): B is within the test's few seconds of it.
    const now = Date.parse((await admin(b.mock, 'GET', '/_admin/clock')).json().now);
    expect(now - Date.parse('2026-01-16T09:00:00Z')).toBeGreaterThanOrEqual(0);
    expect(now - Date.parse('2026-01-16T09:00:00Z')).toBeLessThan(10_000);

    const deposit = await fetch(`${a.url}/v2/dossiers`, { method: 'POST', headers: { ...HEADERS, 'content-type': 'application/json' }, body: JSON.stringify(depotCerfa('INST-1')) });
    expect(deposit.status, await deposit.clone().text()).toBe(201);
    const read = (url: string, key: string = DEMO.apiKey) => fetch(`${url}/v2/dossiers?numeroInterne=INST-1`, { headers: { ...HEADERS, 'x-api-key': key } });
    const seen = await read(b.url);
    expect(seen.status).toBe(200);
    expect((await seen.json()).cerfa).toMatchObject({ numeroInterne: 'INST-1', etat: 'TRANSMIS' });

    // The clock moved through B: A's read judges the dossier on the new date.
    await admin(b.mock, 'PUT', '/_admin/clock', { advance: 'P30D' });
    expect((await (await read(a.url)).json()).cerfa.etat).not.toBe('TRANSMIS');

    // A tenant seeded through A opens B (a key B did not know: 403 before; after, B knows it and finds no such dossier of its own).
    expect((await read(b.url, SEEDED.keys['*'])).status).toBe(403);
    expect((await admin(a.mock, 'POST', '/_admin/tenants', [SEEDED])).statusCode).toBe(201);
    expect((await read(b.url, SEEDED.keys['*'])).status).toBe(404);

    // A fault armed through A fails B's next read, lean path included; disarmed through B, A reads again.
    const fault = await admin(a.mock, 'POST', '/_admin/faults', { kind: '503', operation: 'GET /dossiers' });
    expect(fault.statusCode).toBe(201);
    expect((await admin(b.mock, 'GET', '/_admin/faults')).json()).toEqual([fault.json()]);
    expect((await read(b.url)).status).toBe(503);
    const other = (await admin(b.mock, 'POST', '/_admin/faults', { kind: 'latency', latencyMs: 1 })).json();
    expect((await admin(a.mock, 'DELETE', `/_admin/faults/${other.id}`)).statusCode).toBe(204);
    expect((await admin(b.mock, 'GET', '/_admin/faults')).json()).toEqual([fault.json()]);
    expect((await admin(a.mock, 'DELETE', `/_admin/faults/${other.id}`)).json().errors).toMatchObject([{ champ: 'id' }]);
    expect((await admin(b.mock, 'DELETE', '/_admin/faults')).statusCode).toBe(204);
    expect((await read(a.url)).status).toBe(200);

    // A reset through B empties what A serves.
    expect((await admin(b.mock, 'POST', '/_admin/reset')).statusCode).toBe(200);
    expect((await read(a.url)).status).toBe(404);
    expect((await read(a.url, SEEDED.keys['*'])).status).toBe(403);
  });
});
