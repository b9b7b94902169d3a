// The store contract, one suite for every store: memory, SQLite and, when a test server is given, PostgreSQL
// (skipped with a notice otherwise, failing in CI: mocks/store/testing/postgres.ts). The durable stores also keep
// everything across a reopen and commit or roll back a transaction as one unit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryStore } from './memory.js';
import { SqliteStore } from './sqlite.js';
import { PgTestSchemas, pgTestUrl } from './testing/postgres.js';
import type { DossierRecord, FactureRecord, MockStore } from './types.js';
import type { EchangeCfa } from '../../conformance/model/session.js';
import { validCerfa } from '../testdata/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'mock-store-'));
const pgUrl = pgTestUrl();
const schemas = pgUrl ? new PgTestSchemas(pgUrl) : undefined;
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await schemas?.dropAll();
});

const scope = { opco: 'atlas', cfa: '85300000800005' };
const other = { opco: 'atlas', cfa: '42100000100006' };

function dossier(numeroInterne: string, identityKey = `id-${numeroInterne}`, s = scope): DossierRecord {
  return {
    ...s,
    numeroInterne,
    numeroExterne: `EXT-${numeroInterne}`,
    identityKey,
    receivedAt: '2026-01-15T10:00:00.000Z',
    cerfa: validCerfa(numeroInterne),
    decision: { etat: 'ENGAGE', step: 'decision', commentaireEtat: null, numeroDeca: null, engagement: 1, echeances: [], engagementsFraisAnnexe: [] },
    rupture: null,
    allocations: [],
  };
}

function facture(numero: string, rejected: boolean): FactureRecord {
  return {
    ...scope,
    numeroInterneFacture: numero,
    receivedAt: '2026-02-01T00:00:00.000Z',
    rejected,
    commentaire: null,
    paidAt: null,
    facture: { numeroInterneFacture: numero, dateFacture: '2026-02-01', organismeFormation: { siret: scope.cfa }, montantTotal: 1, lignes: [] },
    dossiers: [],
  };
}

function echange(seq: number, receivedAtMs: number): EchangeCfa {
  return {
    seq,
    receivedAtMs,
    mockTime: '2026-01-16T09:00:00.000Z',
    method: 'GET',
    path: '/v2/cfakeyinfo',
    query: {},
    version: 'v2',
    operation: 'GET /cfakeyinfo',
    headers: { editeur: 'E' },
    response: { status: 200, headers: { 'content-type': 'application/json' }, body: { status: 'success' } },
  };
}

const stores: [string, () => MockStore][] = [
  ['memory', () => new MemoryStore()],
  ['sqlite', () => new SqliteStore(join(dir, `contract-${Math.random()}.sqlite`))],
];
if (schemas) stores.push(['postgres', () => schemas.store()]);

/** A store that keeps its data: `open(where)` opens (again) the store kept at `where`, a new `place()` each time. */
type Durable = { place: () => string; open: (where: string) => MockStore };
const durable: [string, Durable][] = [['sqlite', { place: () => join(dir, `durable-${Math.random()}.sqlite`), open: (file) => new SqliteStore(file) }]];
if (schemas) durable.push(['postgres', { place: () => schemas.schema(), open: (schema) => schemas.store(schema) }]);

describe.each(stores)('%s store', (_name, make) => {
  it('partitions dossiers by OPCO and CFA and lists them in deposit order', async () => {
    const store = make();
    await store.putDossier(dossier('B'));
    await store.putDossier(dossier('A'));
    await store.putDossier(dossier('A', 'id-A', other));
    expect((await store.getDossier(scope, 'A'))?.numeroExterne).toBe('EXT-A');
    expect(await store.getDossier({ opco: 'akto', cfa: scope.cfa }, 'A')).toBeUndefined();
    const page = await store.listDossiers(scope, 0, 1);
    expect(page.total).toBe(2);
    expect(page.items.map((d) => d.numeroInterne)).toEqual(['B']);
    expect((await store.listDossiers(scope, 1, 10)).items.map((d) => d.numeroInterne)).toEqual(['A']);
    await store.close();
  });

  it('updates a dossier in place and finds it by identity', async () => {
    const store = make();
    const record = dossier('A', 'same');
    await store.putDossier(record);
    await store.putDossier({ ...record, allocations: [{ numeroInterneFacture: 'F', numeroEcheance: 1, montant: 10, paidAt: 'x' }] });
    expect((await store.getDossier(scope, 'A'))?.allocations).toHaveLength(1);
    expect((await store.findByIdentity(scope, 'same')).map((d) => d.numeroInterne)).toEqual(['A']);
    expect(await store.findByIdentity(other, 'same')).toEqual([]);
    await store.close();
  });

  it('never hands out a shared object', async () => {
    const store = make();
    await store.putDossier(dossier('A'));
    const read = await store.getDossier(scope, 'A');
    read!.numeroExterne = 'changed';
    expect((await store.getDossier(scope, 'A'))?.numeroExterne).toBe('EXT-A');
    await store.close();
  });

  it('keeps only accepted invoice numbers as known, and lets a rejected one be replaced', async () => {
    const store = make();
    await store.putFacture(facture('F1', true));
    await store.putFacture(facture('F2', false));
    expect(await store.knownFactureNumbers(scope)).toEqual(['F2']);
    await store.putFacture(facture('F1', false));
    expect((await store.knownFactureNumbers(scope)).sort()).toEqual(['F1', 'F2']);
    const page = await store.listFactures(scope, 0, 10);
    expect(page.total).toBe(2);
    expect(page.items.map((f) => f.numeroInterneFacture)).toEqual(['F2', 'F1']);
    await store.close();
  });

  it('counts, stores pièces, clock and tenants, and resets everything', async () => {
    const store = make();
    expect(await store.nextCounter('x')).toBe(1);
    expect(await store.nextCounter('x')).toBe(2);
    expect(await store.nextCounter('y')).toBe(1);
    await store.addPiece({ ...scope, kind: 'convention', id: 'p1', numeroInterneDossier: 'A', receivedAt: 'now', body: {} });
    expect(await store.listPieces(scope, 'A')).toHaveLength(1);
    await store.setClock({ kind: 'frozen', at: '2026-01-01T00:00:00.000Z' });
    expect(await store.getClock()).toEqual({ kind: 'frozen', at: '2026-01-01T00:00:00.000Z' });
    await store.putTenant({ siret: '42100000100006', denomination: 'X', keys: { atlas: 'abcdefgh' }, iban: 'FR7630006000011234567890189' });
    expect(await store.getTenants()).toHaveLength(1);
    await store.putDossier(dossier('A'));
    expect(await store.stats()).toEqual([{ opco: 'atlas', cfa: scope.cfa, dossiers: 1, factures: 0, pieces: 1 }]);
    await store.reset();
    expect(await store.getDossier(scope, 'A')).toBeUndefined();
    expect(await store.getClock()).toBeUndefined();
    expect(await store.getTenants()).toEqual([]);
    expect(await store.nextCounter('x')).toBe(1);
    await store.close();
  });
});

describe.each(stores)('%s store: certification sessions', (_name, make) => {
  it('keeps exchanges per session in seq order, lists sessions by start, and resets them', async () => {
    const store = make();
    const meta = { opco: 'norme', cfa: scope.cfa };
    await store.appendExchange('norme-aaaaaaaa', meta, echange(2, 2_000));
    await store.appendExchange('norme-aaaaaaaa', meta, echange(1, 1_000));
    await store.appendExchange('atlas-bbbbbbbb', { opco: 'atlas', cfa: other.cfa }, echange(1, 1_500));
    await expect(store.appendExchange('norme-aaaaaaaa', meta, echange(2, 3_000))).rejects.toThrow();
    expect(await store.listSessions()).toEqual([
      { id: 'norme-aaaaaaaa', opco: 'norme', cfa: scope.cfa, requests: 2, firstAt: new Date(1_000).toISOString(), lastAt: new Date(2_000).toISOString(), lastSeq: 2 },
      { id: 'atlas-bbbbbbbb', opco: 'atlas', cfa: other.cfa, requests: 1, firstAt: new Date(1_500).toISOString(), lastAt: new Date(1_500).toISOString(), lastSeq: 1 },
    ]);
    const session = await store.getSession('norme-aaaaaaaa');
    expect(session?.echanges.map((e) => e.seq)).toEqual([1, 2]);
    expect(session?.echanges[0]).toEqual(echange(1, 1_000));
    session!.echanges[0]!.headers.editeur = 'changed';
    expect((await store.getSession('norme-aaaaaaaa'))?.echanges[0]?.headers.editeur).toBe('E');
    expect(await store.getSession('inconnue')).toBeUndefined();
    await store.reset();
    expect(await store.listSessions()).toEqual([]);
    expect(await store.getSession('norme-aaaaaaaa')).toBeUndefined();
    await store.close();
  });
});

describe.each(stores)('%s store: state shared by instances', (_name, make) => {
  it('keeps shared admin state as copies and moves the stamp with every admin change, never with data', async () => {
    const store = make();
    const seen = new Set([await store.stamp()]);
    const moved = async (): Promise<boolean> => {
      const stamp = await store.stamp();
      const fresh = !seen.has(stamp);
      seen.add(stamp);
      return fresh;
    };
    expect(await store.getShared('faults')).toBeUndefined();
    const faults = [{ id: 'f1', kind: '503', count: 2 }];
    await store.setShared('faults', faults);
    expect(await moved()).toBe(true);
    faults[0]!.count = 1;
    expect(await store.getShared('faults')).toEqual([{ id: 'f1', kind: '503', count: 2 }]);
    await store.putDossier(dossier('A'));
    await store.nextCounter('deca');
    expect(await moved()).toBe(false);
    await store.setClock({ kind: 'frozen', at: '2026-03-01T00:00:00.000Z' });
    expect(await moved()).toBe(true);
    await store.putTenant({ siret: '42100000100006', denomination: 'X', keys: { atlas: 'abcdefgh' }, iban: 'FR7630006000011234567890189' });
    expect(await moved()).toBe(true);
    await store.reset();
    expect(await moved()).toBe(true);
    expect(await store.getShared('faults')).toBeUndefined();
    await store.close();
  });

  it('numbers the exchanges of a session from the last one stored', async () => {
    const store = make();
    const meta = { opco: 'norme', cfa: scope.cfa };
    expect(await store.nextExchangeSeq('norme-eeeeeeee')).toBe(1);
    await store.transaction(async () => store.appendExchange('norme-eeeeeeee', meta, echange(await store.nextExchangeSeq('norme-eeeeeeee'), 1_000)));
    await store.appendExchange('norme-eeeeeeee', meta, echange(5, 2_000));
    expect(await store.nextExchangeSeq('norme-eeeeeeee')).toBe(6);
    expect(await store.nextExchangeSeq('norme-ffffffff')).toBe(1);
    await store.close();
  });
});

describe.each(durable)('%s store durability', (_name, { place, open }) => {
  it('keeps certification sessions across a reopen', async () => {
    const where = place();
    const first = open(where);
    await first.transaction(() => first.appendExchange('norme-cccccccc', { opco: 'norme', cfa: scope.cfa }, echange(1, 1_000)));
    await first.close();
    const second = open(where);
    expect((await second.listSessions()).map((s) => [s.id, s.lastSeq])).toEqual([['norme-cccccccc', 1]]);
    expect((await second.getSession('norme-cccccccc'))?.echanges).toEqual([echange(1, 1_000)]);
    await second.close();
  });

  it('finds after a reopen what was written before the close', async () => {
    const where = place();
    const first = open(where);
    await first.putDossier(dossier('A'));
    await first.nextCounter('deca');
    await first.close();
    const second = open(where);
    expect((await second.getDossier(scope, 'A'))?.numeroExterne).toBe('EXT-A');
    expect(await second.nextCounter('deca')).toBe(2);
    await second.close();
  });

  it('commits a transaction as one unit and rolls it back on error', async () => {
    const store = open(place());
    await store.transaction(async () => {
      await store.putDossier(dossier('A'));
      await store.nextCounter('n');
    });
    await expect(
      store.transaction(async () => {
        await store.putDossier(dossier('B'));
        await store.nextCounter('n');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.getDossier(scope, 'A')).toBeDefined();
    expect(await store.getDossier(scope, 'B')).toBeUndefined();
    expect(await store.nextCounter('n')).toBe(2);
    await store.close();
  });

  it('shows one instance\'s admin changes to another through the stamp', async () => {
    const where = place();
    const [a, b] = [open(where), open(where)];
    const before = await b.stamp();
    await a.setClock({ kind: 'offset', offsetMs: 86_400_000 });
    await a.setShared('plays', { 'POST /dossiers': 2 });
    expect(await b.stamp()).not.toBe(before);
    expect(await b.getClock()).toEqual({ kind: 'offset', offsetMs: 86_400_000 });
    expect(await b.getShared('plays')).toEqual({ 'POST /dossiers': 2 });
    await Promise.all([a.close(), b.close()]);
  });

  it('rolls back a failed nested unit only, keeping the group and the units around it', async () => {
    const store = open(place());
    const meta = { opco: 'norme', cfa: scope.cfa };
    await store.transaction(async () => {
      await store.transaction(() => store.putDossier(dossier('A')));
      // A failing statement (duplicate exchange) inside a unit: the unit goes, the group carries on.
      await expect(
        store.transaction(async () => {
          await store.putDossier(dossier('B'));
          await store.appendExchange('norme-dddddddd', meta, echange(1, 1_000));
          await store.appendExchange('norme-dddddddd', meta, echange(1, 1_000));
        }),
      ).rejects.toThrow();
      await store.transaction(() => store.putDossier(dossier('C')));
    });
    expect((await store.allDossiers(scope)).map((d) => d.numeroInterne)).toEqual(['A', 'C']);
    expect(await store.getSession('norme-dddddddd')).toBeUndefined();
    await store.close();
  });
});

describe('sqlite store settings', () => {
  it('runs in WAL mode with synchronous=FULL', () => {
    const store = new SqliteStore(join(dir, 'pragma.sqlite'));
    const db = (store as unknown as { db: { pragma(s: string, o: { simple: true }): unknown } }).db;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    void store.close();
  });
});
