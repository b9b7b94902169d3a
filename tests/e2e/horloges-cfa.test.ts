// A clock per CFA (issue 17 §3): one editor's time travel never changes what another sees; the admin moves any or all.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockApp, type MockApp } from '../../mocks/app.js';
import { generateRecord } from '../../conformance/generate/index.js';
import { SUITE_CONFIG } from '../../conformance/suite/testdata.js';

const [CFA1, CFA2] = SUITE_CONFIG.cfas;
const ADMIN = { authorization: 'Bearer suite-admin-token' };
let mock: MockApp | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

const EDITEUR = { editeur: 'E', logiciel: 'L', version: '1' };
const etat = async (app: MockApp, key: string, numero: string): Promise<string> =>
  (await app.app.inject({ method: 'GET', url: `/v2/dossiers?numeroInterne=${numero}`, headers: { 'x-api-key': key, ...EDITEUR } })).json().cerfa.etat;

async function deposer(app: MockApp, key: string, numero: string, index: number): Promise<void> {
  const cerfa = { ...generateRecord('cerfa', 99, index).payload, numeroInterne: numero };
  const res = await app.app.inject({ method: 'POST', url: '/v2/dossiers', headers: { 'x-api-key': key, 'content-type': 'application/json', ...EDITEUR }, payload: { cerfa } });
  expect(res.statusCode, res.body).toBe(201);
}

describe('a clock per CFA', () => {
  it("moves only the CFA's own dossiers when it moves its clock; the admin moves one or all", async () => {
    const store = join(mkdtempSync(join(tmpdir(), 'horloges-')), 'mock.sqlite');
    mock = await createMockApp({ store, config: SUITE_CONFIG });
    const day = generateRecord('cerfa', 99, 1).context.today ?? '2026-03-02';
    expect((await mock.app.inject({ method: 'PUT', url: '/_admin/clock', headers: ADMIN, payload: { now: `${day}T09:00:00Z` } })).statusCode).toBe(200);
    await deposer(mock, CFA1!.keys['*']!, 'H-1', 1);
    await deposer(mock, CFA2!.keys['*']!, 'H-2', 2);

    // The first editor travels ten days on its own clock, with its own key.
    const moved = await mock.app.inject({ method: 'PUT', url: '/_cfa/clock', headers: { 'x-api-key': CFA1!.keys['*']! }, payload: { advance: 'P10D' } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ cfa: CFA1!.siret, propre: true });
    expect(await etat(mock, CFA1!.keys['*']!, 'H-1')).toBe('ENGAGE');
    expect(await etat(mock, CFA2!.keys['*']!, 'H-2')).toBe('TRANSMIS');
    const other = (await mock.app.inject({ method: 'GET', url: '/_cfa/clock', headers: { 'x-api-key': CFA2!.keys['*']! } })).json();
    expect(other.propre).toBe(false);
    expect(Math.abs(Date.parse(other.now) - Date.parse(`${day}T09:00:00Z`))).toBeLessThan(60_000);
    expect((await mock.app.inject({ method: 'PUT', url: '/_cfa/clock', payload: { advance: 'P1D' } })).statusCode).toBe(401);
    expect((await mock.app.inject({ method: 'PUT', url: '/_cfa/clock', headers: { 'x-api-key': CFA2!.keys['*']! }, payload: { advance: 'dix jours' } })).json()).toMatchObject({ errors: [{ champ: 'advance' }] });

    // The admin moves one CFA's clock, then all of them; the CFAs' own clocks are listed.
    const one = await mock.app.inject({ method: 'PUT', url: '/_admin/clock', headers: ADMIN, payload: { cfa: CFA2!.siret, advance: 'PT1H' } });
    expect(Object.keys(one.json().cfas).sort()).toEqual([CFA1!.siret, CFA2!.siret].sort());
    expect(await etat(mock, CFA2!.keys['*']!, 'H-2')).toBe('TRANSMIS');
    await mock.app.inject({ method: 'PUT', url: '/_admin/clock', headers: ADMIN, payload: { advance: 'P10D' } });
    expect(await etat(mock, CFA2!.keys['*']!, 'H-2')).toBe('ENGAGE');
    const before = (await mock.app.inject({ method: 'GET', url: '/_admin/clock', headers: ADMIN })).json();
    expect(Date.parse(before.cfas[CFA1!.siret]) - Date.parse(before.now)).toBeGreaterThanOrEqual(10 * 86_400_000 - 1000);

    // The CFAs' clocks survive a restart with the store.
    await mock.close();
    mock = await createMockApp({ store, config: SUITE_CONFIG });
    const after = (await mock.app.inject({ method: 'GET', url: '/_admin/clock', headers: ADMIN })).json();
    expect(Object.keys(after.cfas).sort()).toEqual(Object.keys(before.cfas).sort());
    expect(Math.abs(Date.parse(after.cfas[CFA1!.siret]) - Date.parse(before.cfas[CFA1!.siret]))).toBeLessThan(60_000);
    expect(await etat(mock, CFA1!.keys['*']!, 'H-1')).toBe('ENGAGE');
  }, 30_000);
});
