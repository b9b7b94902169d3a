// What the PostgreSQL store adds to the shared contract (store.test.ts): versioned migrations, a write lock that holds
// across instances, a clear error when the server is out of reach, and the mock itself served from it.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestMock } from '../testdata/harness.js';
import { depotCerfa } from '../testdata/fixtures.js';
import { DEMO } from '../tenants.js';
import { MIGRATIONS } from './postgres-migrations.js';
import { PostgresStore, PostgresUnavailableError } from './postgres.js';
import { PgTestSchemas, pgTestUrl } from './testing/postgres.js';
import type { DossierRecord } from './types.js';
import type { EchangeCfa } from '../../conformance/model/session.js';

const url = pgTestUrl();
const schemas = url ? new PgTestSchemas(url) : undefined;
afterAll(async () => schemas?.dropAll());

const scope = { opco: 'atlas', cfa: '85300000800005' };
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function query<R extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe('postgres store without a server', () => {
  it('says which database it cannot open, without its password', async () => {
    const store = new PostgresStore('postgres://mock:s3cret@127.0.0.1:1/nowhere');
    expect(store.schema).toBe('convergence_mock');
    const error = await store.getClock().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PostgresUnavailableError);
    expect((error as Error).message).toMatch(/^cannot open the PostgreSQL database postgres:\/\/mock:\*\*\*@127\.0\.0\.1:1\/nowhere/);
    expect((error as Error).message).not.toContain('s3cret');
    await store.close();
  });

  it('refuses a schema name it would have to quote', () => {
    expect(() => new PostgresStore('postgres://localhost/db?schema=Mock;drop')).toThrow(/lower-case letters, digits and _ only/);
  });
});

describe.skipIf(!schemas)('postgres store', () => {
  it('applies each migration once, records it, and lets instances that start together share the work', async () => {
    const schema = schemas!.schema();
    const stores = [1, 2, 3].map(() => schemas!.store(schema));
    await Promise.all(stores.map((s) => s.getClock()));
    const rows = await query<{ version: number; name: string }>(`SELECT version, name FROM "${schema}".schema_migrations ORDER BY version`);
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    await Promise.all(stores.map((s) => s.close()));
  });

  it('reads a dossier by its numeroInterne through the unique key, not by filtering the CFA, before any ANALYZE', async () => {
    const schema = schemas!.schema();
    const store = schemas!.store(schema);
    for (let i = 0; i < 300; i++) await store.putDossier(dossier(`N${i}`));
    const plan = await query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT data FROM "${schema}".dossiers WHERE opco = $1 AND cfa = $2 AND numero_interne = $3`,
      [scope.opco, scope.cfa, 'N17'],
    );
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).toContain('dossiers_opco_cfa_numero_interne_key');
    expect(text).not.toContain('Filter');
    await store.close();
  });

  it('takes its schema from the URL and refuses one migrated by a newer version', async () => {
    const schema = schemas!.schema();
    const first = new PostgresStore(`${url}${url!.includes('?') ? '&' : '?'}schema=${schema}`);
    expect(first.schema).toBe(schema);
    await first.putDossier(dossier('A'));
    await first.close();
    await query(`INSERT INTO "${schema}".schema_migrations (version, name) VALUES (999, 'from the future')`);
    const second = schemas!.store(schema);
    await expect(second.getDossier(scope, 'A')).rejects.toThrow(/at version 999, newer than this convergence-kit knows/);
    await second.close();
  });

  it('serialises read-then-write units across instances: no update is lost, no number given twice, no seq either', async () => {
    const schema = schemas!.schema();
    const [a, b] = [schemas!.store(schema), schemas!.store(schema)];
    await a.putDossier(dossier('SHARED'));
    // Each unit reads the dossier, waits (another unit would interleave here), then writes it back with one more allocation.
    const bump = (store: PostgresStore, i: number) =>
      store.transaction(async () => {
        const record = (await store.getDossier(scope, 'SHARED'))!;
        const numero = await store.nextCounter('deca');
        const seq = await store.nextExchangeSeq('norme-shared00');
        await sleep(3);
        record.allocations.push({ numeroInterneFacture: `F${i}`, numeroEcheance: numero, montant: 1, paidAt: 'x' });
        await store.putDossier(record);
        await store.appendExchange('norme-shared00', { opco: 'norme', cfa: scope.cfa }, { ...EXCHANGE, seq, receivedAtMs: i });
      });
    await Promise.all(Array.from({ length: 16 }, (_, i) => bump(i % 2 ? a : b, i)));
    const allocations = (await a.getDossier(scope, 'SHARED'))!.allocations;
    expect(allocations).toHaveLength(16);
    expect(new Set(allocations.map((x) => x.numeroEcheance)).size).toBe(16);
    expect((await b.getSession('norme-shared00'))?.echanges.map((e) => e.seq)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    await Promise.all([a.close(), b.close()]);
  });

  it('never reports as committed a transaction that a caught statement error aborted', async () => {
    const store = schemas!.store();
    const meta = { opco: 'norme', cfa: scope.cfa };
    await store.appendExchange('norme-gggggggg', meta, { ...EXCHANGE, seq: 1 });
    const swallowing = store.transaction(async () => {
      await store.putDossier(dossier('LOST'));
      await store.appendExchange('norme-gggggggg', meta, { ...EXCHANGE, seq: 1 }).catch(() => undefined);
    });
    await expect(swallowing).rejects.toThrow(/rolled back/);
    expect(await store.getDossier(scope, 'LOST')).toBeUndefined();
    await store.close();
  });

  it('serves the mock: two instances on one schema agree on duplicates and numbers', async () => {
    const schema = schemas!.schema();
    const store = `${url}${url!.includes('?') ? '&' : '?'}schema=${schema}`;
    const [one, two] = await Promise.all([startTestMock({ store }), startTestMock({ store })]);
    try {
      // The same person sent to both instances at once, twice: one dossier per person, the other a duplicate.
      const sent = await Promise.all(
        ['A', 'B'].flatMap((who) => [one, two].map((mock, i) => mock.call('POST', '/v2/dossiers', depotCerfa(`${who}-${i}`, { nom: `DUPONT${who}` })))),
      );
      expect(sent.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
      const lus = await Promise.all(['A-0', 'A-1', 'B-0', 'B-1'].map((n) => two.dossier(n)));
      const externes = lus.map((d) => d.cerfa.numeroExterne as string);
      expect(new Set(externes).size).toBe(4);
      // The decision is fixed at deposit: the second of each pair, whichever instance took it, is the duplicate.
      const reader = schemas!.store(schema);
      const etats = await Promise.all(['A-0', 'A-1', 'B-0', 'B-1'].map(async (n) => (await reader.getDossier({ opco: 'norme', cfa: DEMO.siret }, n))?.decision.etat));
      await reader.close();
      expect(etats.filter((e) => e === 'ANNULE')).toHaveLength(2);
      expect(etats[0] === 'ANNULE').not.toBe(etats[1] === 'ANNULE');
      expect(etats[2] === 'ANNULE').not.toBe(etats[3] === 'ANNULE');
      // Resent under a number the other instance already took.
      const again = await one.call('POST', '/v2/dossiers', depotCerfa('A-1', { nom: 'DUPONTA' }));
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain('DOSSIER_DEJA_CONNU');
      await one.close();
      // A restarted instance finds everything.
      const three = await startTestMock({ store });
      expect((await three.dossier('B-1')).cerfa.numeroExterne).toBe(externes[3]);
      await three.close();
    } finally {
      await two.close();
    }
  });
});

const EXCHANGE: EchangeCfa = {
  seq: 0,
  receivedAtMs: 0,
  mockTime: '2026-01-16T09:00:00.000Z',
  method: 'GET',
  path: '/v2/cfakeyinfo',
  query: {},
  version: 'v2',
  operation: 'GET /cfakeyinfo',
  headers: {},
  response: { status: 200, headers: {}, body: null },
};

function dossier(numeroInterne: string): DossierRecord {
  return {
    ...scope,
    numeroInterne,
    numeroExterne: `EXT-${numeroInterne}`,
    identityKey: `id-${numeroInterne}`,
    receivedAt: '2026-01-15T10:00:00.000Z',
    cerfa: { numeroInterne } as DossierRecord['cerfa'],
    decision: { etat: 'ENGAGE', step: 'decision', commentaireEtat: null, numeroDeca: null, engagement: 1, echeances: [], engagementsFraisAnnexe: [] },
    rupture: null,
    allocations: [],
  };
}
