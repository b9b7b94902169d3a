// SQLite MockStore (better-sqlite3): WAL, synchronous=FULL (NORMAL on request); acknowledged writes survive kill -9.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ClockState } from '../clock.js';
import type { CfaTenant } from '../tenants.js';
import type { EchangeCfa } from '../../conformance/model/session.js';
import type { CerfaText, DossierMeta } from '../engine/views.js';
import { decodeDossier, encodeDossier, splitDossier } from './dossier-text.js';
import type { DossierRecord, FactureRecord, MockStore, Page, PieceRecord, Scope, SessionMeta, SessionSummary, StoredSession } from './types.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS dossiers (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  opco TEXT NOT NULL, cfa TEXT NOT NULL, numero_interne TEXT NOT NULL,
  identity_key TEXT NOT NULL, data TEXT NOT NULL,
  UNIQUE (opco, cfa, numero_interne)
);
CREATE INDEX IF NOT EXISTS dossiers_identity ON dossiers (opco, cfa, identity_key);
CREATE TABLE IF NOT EXISTS factures (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  opco TEXT NOT NULL, cfa TEXT NOT NULL, numero TEXT NOT NULL,
  rejected INTEGER NOT NULL, data TEXT NOT NULL,
  UNIQUE (opco, cfa, numero)
);
CREATE TABLE IF NOT EXISTS pieces (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  opco TEXT NOT NULL, cfa TEXT NOT NULL, numero_interne_dossier TEXT, data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS pieces_dossier ON pieces (opco, cfa, numero_interne_dossier);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tenants (siret TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cert_sessions (id TEXT PRIMARY KEY, opco TEXT NOT NULL, cfa TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cert_echanges (
  session TEXT NOT NULL, seq INTEGER NOT NULL, received_at INTEGER NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (session, seq)
);
`;

/**
 * `synchronous` pragma of the store: FULL by default (a commit is on the disk, fsynced, before it is acknowledged).
 * `CONVERGENCE_SQLITE_SYNC=NORMAL` trades power-loss durability for speed: in WAL mode a commit is then written to the
 * WAL file (the OS page cache) but fsynced only at checkpoints, so an acknowledged write still survives `kill -9` or a
 * crash of the mock (the OS holds it), not a power cut or an OS crash (docs/benchmarks.md).
 */
export function sqliteSynchronous(env: NodeJS.ProcessEnv = process.env): 'FULL' | 'NORMAL' {
  const value = env.CONVERGENCE_SQLITE_SYNC?.trim().toUpperCase();
  return value === 'NORMAL' ? 'NORMAL' : 'FULL';
}

/** How long a statement waits for another connection's lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

const parseRows = <T>(rows: unknown[]): T[] => (rows as { data: string }[]).map((r) => JSON.parse(r.data) as T);
const parseDossiers = (rows: unknown[]): DossierRecord[] => (rows as { data: string }[]).map((r) => decodeDossier(r.data));

export class SqliteStore implements MockStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly st;
  /** Transaction control, prepared once: `exec` would compile the statement again for every write operation. */
  private readonly tx;
  private depth = 0;

  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${sqliteSynchronous()}`);
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    this.db.exec(SCHEMA);
    const db = this.db;
    this.tx = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      // Savepoint names are reused per nesting depth: a released savepoint's name is free again.
      savepoint: [1, 2, 3, 4].map((d) => ({
        open: db.prepare(`SAVEPOINT sp${d}`),
        release: db.prepare(`RELEASE sp${d}`),
        rollback: db.prepare(`ROLLBACK TO sp${d}`),
      })),
    };
    this.st = {
      // The value alone (pluck): no row object per read.
      getDossier: db.prepare('SELECT data FROM dossiers WHERE opco = ? AND cfa = ? AND numero_interne = ?').pluck(),
      byIdentity: db.prepare('SELECT data FROM dossiers WHERE opco = ? AND cfa = ? AND identity_key = ? ORDER BY seq'),
      putDossier: db.prepare(
        `INSERT INTO dossiers (opco, cfa, numero_interne, identity_key, data) VALUES (@opco, @cfa, @numero, @identity, @data)
         ON CONFLICT (opco, cfa, numero_interne) DO UPDATE SET identity_key = excluded.identity_key, data = excluded.data`,
      ),
      listDossiers: db.prepare('SELECT data FROM dossiers WHERE opco = ? AND cfa = ? ORDER BY seq LIMIT ? OFFSET ?'),
      countDossiers: db.prepare('SELECT count(*) AS n FROM dossiers WHERE opco = ? AND cfa = ?'),
      allDossiers: db.prepare('SELECT data FROM dossiers WHERE opco = ? AND cfa = ? ORDER BY seq'),
      getFacture: db.prepare('SELECT data FROM factures WHERE opco = ? AND cfa = ? AND numero = ?'),
      deleteFacture: db.prepare('DELETE FROM factures WHERE opco = ? AND cfa = ? AND numero = ?'),
      insertFacture: db.prepare('INSERT INTO factures (opco, cfa, numero, rejected, data) VALUES (?, ?, ?, ?, ?)'),
      listFactures: db.prepare('SELECT data FROM factures WHERE opco = ? AND cfa = ? ORDER BY seq LIMIT ? OFFSET ?'),
      countFactures: db.prepare('SELECT count(*) AS n FROM factures WHERE opco = ? AND cfa = ?'),
      knownFactures: db.prepare('SELECT numero FROM factures WHERE opco = ? AND cfa = ? AND rejected = 0'),
      addPiece: db.prepare('INSERT INTO pieces (opco, cfa, numero_interne_dossier, data) VALUES (?, ?, ?, ?)'),
      listPieces: db.prepare('SELECT data FROM pieces WHERE opco = ? AND cfa = ? AND numero_interne_dossier = ? ORDER BY seq'),
      nextCounter: db.prepare(
        'INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value',
      ),
      getKv: db.prepare('SELECT value FROM kv WHERE key = ?'),
      setKv: db.prepare('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      getTenants: db.prepare('SELECT data FROM tenants ORDER BY siret'),
      putTenant: db.prepare('INSERT INTO tenants (siret, data) VALUES (?, ?) ON CONFLICT (siret) DO UPDATE SET data = excluded.data'),
      putSession: db.prepare('INSERT INTO cert_sessions (id, opco, cfa) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING'),
      addExchange: db.prepare('INSERT INTO cert_echanges (session, seq, received_at, data) VALUES (?, ?, ?, ?)'),
      listSessions: db.prepare(`
        SELECT s.id, s.opco, s.cfa, count(*) AS requests, min(e.received_at) AS first, max(e.received_at) AS last, max(e.seq) AS lastSeq
        FROM cert_sessions s JOIN cert_echanges e ON e.session = s.id GROUP BY s.id ORDER BY first, s.id`),
      getSession: db.prepare('SELECT id, opco, cfa FROM cert_sessions WHERE id = ?'),
      sessionExchanges: db.prepare('SELECT data FROM cert_echanges WHERE session = ? ORDER BY seq'),
      nextExchangeSeq: db.prepare('SELECT coalesce(max(seq), 0) + 1 FROM cert_echanges WHERE session = ?').pluck(),
      stats: db.prepare(`
        SELECT opco, cfa, sum(d) AS dossiers, sum(f) AS factures, sum(p) AS pieces FROM (
          SELECT opco, cfa, 1 AS d, 0 AS f, 0 AS p FROM dossiers
          UNION ALL SELECT opco, cfa, 0, 1, 0 FROM factures
          UNION ALL SELECT opco, cfa, 0, 0, 1 FROM pieces
        ) GROUP BY opco, cfa ORDER BY opco, cfa`),
    };
  }

  /**
   * BEGIN IMMEDIATE … COMMIT around `fn`, or a SAVEPOINT when already inside one (the app groups queued write
   * operations in one transaction, each in its own savepoint: one fsync for the group). The store answers
   * synchronously, so no other statement runs inside the unit.
   */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    const nested = this.db.inTransaction;
    const depth = nested ? ++this.depth : 0;
    const sp = nested ? this.tx.savepoint[depth - 1] : undefined;
    const name = `sp${depth}`;
    const run = (statement: { run(): unknown } | undefined, sql: string): void => {
      if (statement) statement.run();
      else this.db.exec(sql);
    };
    try {
      if (nested) run(sp?.open, `SAVEPOINT ${name}`);
      else await this.beginImmediate();
      try {
        const result = await fn();
        if (nested) run(sp?.release, `RELEASE ${name}`);
        else this.tx.commit.run();
        return result;
      } catch (error) {
        if (this.db.inTransaction) {
          if (nested) {
            run(sp?.rollback, `ROLLBACK TO ${name}`);
            run(sp?.release, `RELEASE ${name}`);
          } else this.tx.rollback.run();
        }
        throw error;
      }
    } finally {
      if (nested) this.depth--;
    }
  }

  /**
   * BEGIN IMMEDIATE, yielding to the event loop while the write lock is another's (a unit of this process that
   * started meanwhile, or another process on the file): the first waits are a turn of the loop, then 1 ms each,
   * up to the busy timeout, after which SQLITE_BUSY is thrown as before.
   */
  private async beginImmediate(): Promise<void> {
    const deadline = performance.now() + BUSY_TIMEOUT_MS;
    for (let attempt = 0; ; attempt++) {
      if (!this.db.inTransaction) {
        // Around BEGIN IMMEDIATE only, no busy handler: it would sleep the whole process (1, 2, 5, 10 ms…) and stall
        // every request it serves. (`PRAGMA busy_timeout` acts when prepared, so it cannot be a prepared statement.)
        this.db.pragma('busy_timeout = 0');
        try {
          this.tx.begin.run();
          return;
        } catch (error) {
          if ((error as { code?: string }).code !== 'SQLITE_BUSY' || performance.now() > deadline) throw error;
        } finally {
          this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
        }
      } else if (performance.now() > deadline) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      await new Promise<void>((resolve) => (attempt < 3 ? setImmediate(resolve) : setTimeout(resolve, 1)));
    }
  }

  async getDossier(scope: Scope, numeroInterne: string): Promise<DossierRecord | undefined> {
    const data = this.st.getDossier.get(scope.opco, scope.cfa, numeroInterne) as string | undefined;
    return data === undefined ? undefined : decodeDossier(data);
  }

  /**
   * One dossier for a read (GET /dossiers?numeroInterne=): the record without its CERFA, parsed, and the CERFA's
   * text as stored, when the row allows it; else the whole record, parsed.
   */
  readDossierSplit(scope: Scope, numeroInterne: string): { meta: DossierMeta; cerfa: CerfaText } | { record: DossierRecord } | undefined {
    const data = this.st.getDossier.get(scope.opco, scope.cfa, numeroInterne) as string | undefined;
    return data === undefined ? undefined : splitDossier(data);
  }

  async findByIdentity(scope: Scope, identityKey: string): Promise<DossierRecord[]> {
    return parseDossiers(this.st.byIdentity.all(scope.opco, scope.cfa, identityKey));
  }

  async putDossier(record: DossierRecord): Promise<void> {
    this.st.putDossier.run({
      opco: record.opco,
      cfa: record.cfa,
      numero: record.numeroInterne,
      identity: record.identityKey,
      data: encodeDossier(record),
    });
  }

  async listDossiers(scope: Scope, offset: number, limit: number): Promise<Page<DossierRecord>> {
    const { n } = this.st.countDossiers.get(scope.opco, scope.cfa) as { n: number };
    return { total: n, items: parseDossiers(this.st.listDossiers.all(scope.opco, scope.cfa, limit, offset)) };
  }

  async allDossiers(scope: Scope): Promise<DossierRecord[]> {
    return parseDossiers(this.st.allDossiers.all(scope.opco, scope.cfa));
  }

  async getFacture(scope: Scope, numero: string): Promise<FactureRecord | undefined> {
    const row = this.st.getFacture.get(scope.opco, scope.cfa, numero) as { data: string } | undefined;
    return row && (JSON.parse(row.data) as FactureRecord);
  }

  async putFacture(record: FactureRecord): Promise<void> {
    // Delete then insert in one transaction: a resent invoice takes a new place at the end of the listing.
    this.db.transaction(() => {
      this.st.deleteFacture.run(record.opco, record.cfa, record.numeroInterneFacture);
      this.st.insertFacture.run(record.opco, record.cfa, record.numeroInterneFacture, record.rejected ? 1 : 0, JSON.stringify(record));
    })();
  }

  async listFactures(scope: Scope, offset: number, limit: number): Promise<Page<FactureRecord>> {
    const { n } = this.st.countFactures.get(scope.opco, scope.cfa) as { n: number };
    return { total: n, items: parseRows<FactureRecord>(this.st.listFactures.all(scope.opco, scope.cfa, limit, offset)) };
  }

  async knownFactureNumbers(scope: Scope): Promise<string[]> {
    return (this.st.knownFactures.all(scope.opco, scope.cfa) as { numero: string }[]).map((r) => r.numero);
  }

  async addPiece(record: PieceRecord): Promise<void> {
    this.st.addPiece.run(record.opco, record.cfa, record.numeroInterneDossier, JSON.stringify(record));
  }

  async listPieces(scope: Scope, numeroInterneDossier: string): Promise<PieceRecord[]> {
    return parseRows<PieceRecord>(this.st.listPieces.all(scope.opco, scope.cfa, numeroInterneDossier));
  }

  async nextCounter(name: string): Promise<number> {
    return (this.st.nextCounter.get(name) as { value: number }).value;
  }

  async getClock(): Promise<ClockState | undefined> {
    const row = this.st.getKv.get('clock') as { value: string } | undefined;
    return row && (JSON.parse(row.value) as ClockState);
  }

  async setClock(state: ClockState): Promise<void> {
    this.setAdminKv('clock', JSON.stringify(state));
  }

  /** Writes an admin value and moves the stamp, together (other processes on the file compare the stamp). */
  private setAdminKv(key: string, value: string): void {
    this.db.transaction(() => {
      this.st.setKv.run(key, value);
      this.st.setKv.run('stamp', randomUUID());
    })();
  }

  async getTenants(): Promise<CfaTenant[]> {
    return parseRows<CfaTenant>(this.st.getTenants.all());
  }

  async putTenant(cfa: CfaTenant): Promise<void> {
    this.db.transaction(() => {
      this.st.putTenant.run(cfa.siret, JSON.stringify(cfa));
      this.st.setKv.run('stamp', randomUUID());
    })();
  }

  async getShared<T>(name: string): Promise<T | undefined> {
    const row = this.st.getKv.get(`shared:${name}`) as { value: string } | undefined;
    return row && (JSON.parse(row.value) as T);
  }

  async setShared(name: string, value: unknown): Promise<void> {
    this.setAdminKv(`shared:${name}`, JSON.stringify(value));
  }

  async stamp(): Promise<string> {
    return (this.st.getKv.get('stamp') as { value: string } | undefined)?.value ?? '';
  }

  async nextExchangeSeq(sessionId: string): Promise<number> {
    return this.st.nextExchangeSeq.get(sessionId) as number;
  }

  async appendExchange(sessionId: string, meta: SessionMeta, exchange: EchangeCfa): Promise<void> {
    this.st.putSession.run(sessionId, meta.opco, meta.cfa);
    this.st.addExchange.run(sessionId, exchange.seq, exchange.receivedAtMs, JSON.stringify(exchange));
  }

  async listSessions(): Promise<SessionSummary[]> {
    const rows = this.st.listSessions.all() as { id: string; opco: string; cfa: string; requests: number; first: number; last: number; lastSeq: number }[];
    return rows.map((r) => ({
      id: r.id,
      opco: r.opco,
      cfa: r.cfa,
      requests: r.requests,
      firstAt: new Date(r.first).toISOString(),
      lastAt: new Date(r.last).toISOString(),
      lastSeq: r.lastSeq,
    }));
  }

  async getSession(id: string): Promise<StoredSession | undefined> {
    const row = this.st.getSession.get(id) as { id: string; opco: string; cfa: string } | undefined;
    return row && { id: row.id, opco: row.opco, cfa: row.cfa, echanges: parseRows<EchangeCfa>(this.st.sessionExchanges.all(id)) };
  }

  async stats(): Promise<{ opco: string; cfa: string; dossiers: number; factures: number; pieces: number }[]> {
    return this.st.stats.all() as { opco: string; cfa: string; dossiers: number; factures: number; pieces: number }[];
  }

  async reset(): Promise<void> {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM dossiers; DELETE FROM factures; DELETE FROM pieces; DELETE FROM counters; DELETE FROM kv; DELETE FROM tenants; DELETE FROM cert_echanges; DELETE FROM cert_sessions;');
      this.st.setKv.run('stamp', randomUUID());
    })();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
