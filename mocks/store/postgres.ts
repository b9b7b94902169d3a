// PostgreSQL MockStore (node-postgres): the SQLite store's semantics, shared safely by several instances of the mock.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { ClockState } from '../clock.js';
import type { CfaTenant } from '../tenants.js';
import type { EchangeCfa } from '../../conformance/model/session.js';
import { migrate, quoteIdent, SCHEMA_NAME } from './postgres-migrations.js';
import { DEFAULT_PG_SCHEMA, redactPostgresUrl, splitPostgresUrl } from './postgres-url.js';
import type { DossierRecord, FactureRecord, MockStore, Page, PieceRecord, Scope, SessionMeta, SessionSummary, StoredSession } from './types.js';

/** One open unit of work: the connection it runs on, its savepoint depth, and whether it has ended. */
interface Unit {
  client: pg.PoolClient;
  depth: number;
  done: boolean;
}

/** The database could not be reached or prepared; the message names it (password hidden) and says why. */
export class PostgresUnavailableError extends Error {
  constructor(url: string, cause: unknown) {
    super(`cannot open the PostgreSQL database ${redactPostgresUrl(url)}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'PostgresUnavailableError';
  }
}

export interface PostgresStoreOptions {
  /** Schema of the tables; else the URL's `?schema=`, else `convergence_mock`. */
  schema?: string;
  /** Connections in the pool (default 10). */
  max?: number;
}

const parseData = <T>(rows: { data: string }[]): T[] => rows.map((r) => JSON.parse(r.data) as T);

/**
 * Write units are serialised across every instance sharing the schema, as SQLite's BEGIN IMMEDIATE serialises them
 * across the connections of one file: each top-level transaction takes a transaction-scoped advisory lock keyed on
 * the schema before its first statement, so the app's read-then-write checks (duplicates, invoice numbers) and its
 * counters hold whichever instance runs them. Statements made inside `transaction()` run on that transaction's
 * connection (found through AsyncLocalStorage, so requests served meanwhile read committed data from the pool).
 */
export class PostgresStore implements MockStore {
  readonly kind = 'postgres' as const;
  readonly schema: string;
  private readonly pool: pg.Pool;
  private readonly ready: Promise<void>;
  private readonly units = new AsyncLocalStorage<Unit>();
  private readonly sql;
  private closed = false;

  constructor(url: string, options: PostgresStoreOptions = {}) {
    const { connectionString, schema } = splitPostgresUrl(url);
    this.schema = options.schema ?? schema ?? DEFAULT_PG_SCHEMA;
    if (!SCHEMA_NAME.test(this.schema)) {
      throw new PostgresUnavailableError(url, new Error(`schema "${this.schema}": lower-case letters, digits and _ only`));
    }
    this.pool = new pg.Pool({
      connectionString,
      max: options.max ?? 10,
      // A server that drops packets fails the start after 10 s instead of hanging it; named in pg_stat_activity.
      connectionTimeoutMillis: 10_000,
      keepAlive: true,
      application_name: 'convergence-mock',
    });
    // A pooled connection the server closes while idle is dropped by the pool; without a listener it would crash the mock.
    this.pool.on('error', () => undefined);
    const t = (table: string): string => `${quoteIdent(this.schema)}.${table}`;
    this.sql = {
      lockKey: `convergence-kit:write:${this.schema}`,
      getDossier: `SELECT data FROM ${t('dossiers')} WHERE opco = $1 AND cfa = $2 AND numero_interne = $3`,
      byIdentity: `SELECT data FROM ${t('dossiers')} WHERE opco = $1 AND cfa = $2 AND identity_key = $3 ORDER BY seq`,
      putDossier: `INSERT INTO ${t('dossiers')} (opco, cfa, numero_interne, identity_key, data) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (opco, cfa, numero_interne) DO UPDATE SET identity_key = excluded.identity_key, data = excluded.data`,
      listDossiers: `SELECT data FROM ${t('dossiers')} WHERE opco = $1 AND cfa = $2 ORDER BY seq LIMIT $3 OFFSET $4`,
      countDossiers: `SELECT count(*)::int AS n FROM ${t('dossiers')} WHERE opco = $1 AND cfa = $2`,
      allDossiers: `SELECT data FROM ${t('dossiers')} WHERE opco = $1 AND cfa = $2 ORDER BY seq`,
      getFacture: `SELECT data FROM ${t('factures')} WHERE opco = $1 AND cfa = $2 AND numero = $3`,
      // A resent invoice takes a new `seq`: it moves to the end of the listing, like the SQLite store's delete + insert.
      putFacture: `INSERT INTO ${t('factures')} (opco, cfa, numero, rejected, data) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (opco, cfa, numero) DO UPDATE
        SET seq = nextval(pg_get_serial_sequence('${t('factures')}', 'seq')), rejected = excluded.rejected, data = excluded.data`,
      listFactures: `SELECT data FROM ${t('factures')} WHERE opco = $1 AND cfa = $2 ORDER BY seq LIMIT $3 OFFSET $4`,
      countFactures: `SELECT count(*)::int AS n FROM ${t('factures')} WHERE opco = $1 AND cfa = $2`,
      knownFactures: `SELECT numero FROM ${t('factures')} WHERE opco = $1 AND cfa = $2 AND NOT rejected ORDER BY seq`,
      addPiece: `INSERT INTO ${t('pieces')} (opco, cfa, numero_interne_dossier, data) VALUES ($1, $2, $3, $4)`,
      listPieces: `SELECT data FROM ${t('pieces')} WHERE opco = $1 AND cfa = $2 AND numero_interne_dossier = $3 ORDER BY seq`,
      nextCounter: `INSERT INTO ${t('counters')} AS c (name, value) VALUES ($1, 1)
        ON CONFLICT (name) DO UPDATE SET value = c.value + 1 RETURNING value::text`,
      getKv: `SELECT value FROM ${t('kv')} WHERE key = $1`,
      setKv: `INSERT INTO ${t('kv')} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      // An admin value and a new stamp in one statement: another instance never sees one without the other.
      setAdminKv: `INSERT INTO ${t('kv')} (key, value) VALUES ($1, $2), ('stamp', $3) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      getTenants: `SELECT data FROM ${t('tenants')} ORDER BY siret COLLATE "C"`,
      putTenant: `WITH s AS (INSERT INTO ${t('kv')} (key, value) VALUES ('stamp', $3) ON CONFLICT (key) DO UPDATE SET value = excluded.value)
        INSERT INTO ${t('tenants')} (siret, data) VALUES ($1, $2) ON CONFLICT (siret) DO UPDATE SET data = excluded.data`,
      // One statement: the session row and its exchange are written together or not at all (a duplicate seq fails both).
      appendExchange: `WITH s AS (INSERT INTO ${t('cert_sessions')} (id, opco, cfa) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING)
        INSERT INTO ${t('cert_echanges')} (session, seq, received_at, data) VALUES ($1, $4, $5, $6)`,
      listSessions: `SELECT s.id, s.opco, s.cfa, count(*)::int AS requests, min(e.received_at)::text AS first,
        max(e.received_at)::text AS last, max(e.seq) AS last_seq
        FROM ${t('cert_sessions')} s JOIN ${t('cert_echanges')} e ON e.session = s.id
        GROUP BY s.id ORDER BY min(e.received_at), s.id COLLATE "C"`,
      getSession: `SELECT id, opco, cfa FROM ${t('cert_sessions')} WHERE id = $1`,
      sessionExchanges: `SELECT data FROM ${t('cert_echanges')} WHERE session = $1 ORDER BY seq`,
      nextExchangeSeq: `SELECT coalesce(max(seq), 0) + 1 AS seq FROM ${t('cert_echanges')} WHERE session = $1`,
      // Byte order (COLLATE "C"), as SQLite sorts, whatever the database's locale.
      stats: `SELECT opco, cfa, sum(d)::int AS dossiers, sum(f)::int AS factures, sum(p)::int AS pieces FROM (
          SELECT opco, cfa, 1 AS d, 0 AS f, 0 AS p FROM ${t('dossiers')}
          UNION ALL SELECT opco, cfa, 0, 1, 0 FROM ${t('factures')}
          UNION ALL SELECT opco, cfa, 0, 0, 1 FROM ${t('pieces')}
        ) u GROUP BY opco, cfa ORDER BY opco COLLATE "C", cfa COLLATE "C"`,
      reset: ['dossiers', 'factures', 'pieces', 'counters', 'kv', 'tenants', 'cert_echanges', 'cert_sessions'].map((x) => `DELETE FROM ${t(x)}`),
    };
    this.ready = this.open(url);
    // Awaited by every operation; marked handled here so a failure surfaces there, not as an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  private async open(url: string): Promise<void> {
    try {
      const client = await this.pool.connect();
      try {
        await migrate(client, this.schema);
      } finally {
        client.release();
      }
    } catch (error) {
      throw new PostgresUnavailableError(url, error);
    }
  }

  /** The current unit's connection when inside `transaction()`, else the pool (autocommit). */
  private async rows<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
    await this.ready;
    const unit = this.units.getStore();
    const runner = unit && !unit.done ? unit.client : this.pool;
    return (await runner.query<R>(text, values)).rows;
  }

  /**
   * BEGIN, the schema's write lock, then `fn` on that connection, COMMIT; or a SAVEPOINT when already inside one
   * (the write queue's group holds the transaction, each queued operation a savepoint). A rejection rolls back.
   */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.ready;
    const outer = this.units.getStore();
    if (outer && !outer.done) return this.savepoint(outer, fn);
    const client = await this.pool.connect();
    const unit: Unit = { client, depth: 0, done: false };
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [this.sql.lockKey]);
      const result = await this.units.run(unit, fn);
      // COMMIT of a transaction a failed statement aborted rolls it back without an error: never acknowledge that.
      const commit = await client.query('COMMIT');
      if (commit.command !== 'COMMIT') throw new Error('the transaction was rolled back: a statement inside it failed and its error was caught');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((e: unknown) => (broken = e instanceof Error ? e : new Error(String(e))));
      throw error;
    } finally {
      unit.done = true;
      // A connection that could not even roll back is destroyed rather than handed to the next caller.
      client.release(broken);
    }
  }

  private async savepoint<T>(outer: Unit, fn: () => Promise<T>): Promise<T> {
    const unit: Unit = { client: outer.client, depth: outer.depth + 1, done: false };
    const name = `sp${unit.depth}`;
    await unit.client.query(`SAVEPOINT ${name}`);
    try {
      const result = await this.units.run(unit, fn);
      await unit.client.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await unit.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      await unit.client.query(`RELEASE SAVEPOINT ${name}`);
      throw error;
    } finally {
      unit.done = true;
    }
  }

  async getDossier(scope: Scope, numeroInterne: string): Promise<DossierRecord | undefined> {
    return parseData<DossierRecord>(await this.rows(this.sql.getDossier, [scope.opco, scope.cfa, numeroInterne]))[0];
  }

  async findByIdentity(scope: Scope, identityKey: string): Promise<DossierRecord[]> {
    return parseData<DossierRecord>(await this.rows(this.sql.byIdentity, [scope.opco, scope.cfa, identityKey]));
  }

  async putDossier(record: DossierRecord): Promise<void> {
    await this.rows(this.sql.putDossier, [record.opco, record.cfa, record.numeroInterne, record.identityKey, JSON.stringify(record)]);
  }

  async listDossiers(scope: Scope, offset: number, limit: number): Promise<Page<DossierRecord>> {
    const [count] = await this.rows<{ n: number }>(this.sql.countDossiers, [scope.opco, scope.cfa]);
    const items = parseData<DossierRecord>(await this.rows(this.sql.listDossiers, [scope.opco, scope.cfa, limit, offset]));
    return { total: count?.n ?? 0, items };
  }

  async allDossiers(scope: Scope): Promise<DossierRecord[]> {
    return parseData<DossierRecord>(await this.rows(this.sql.allDossiers, [scope.opco, scope.cfa]));
  }

  async getFacture(scope: Scope, numero: string): Promise<FactureRecord | undefined> {
    return parseData<FactureRecord>(await this.rows(this.sql.getFacture, [scope.opco, scope.cfa, numero]))[0];
  }

  async putFacture(record: FactureRecord): Promise<void> {
    await this.rows(this.sql.putFacture, [record.opco, record.cfa, record.numeroInterneFacture, record.rejected, JSON.stringify(record)]);
  }

  async listFactures(scope: Scope, offset: number, limit: number): Promise<Page<FactureRecord>> {
    const [count] = await this.rows<{ n: number }>(this.sql.countFactures, [scope.opco, scope.cfa]);
    const items = parseData<FactureRecord>(await this.rows(this.sql.listFactures, [scope.opco, scope.cfa, limit, offset]));
    return { total: count?.n ?? 0, items };
  }

  async knownFactureNumbers(scope: Scope): Promise<string[]> {
    return (await this.rows<{ numero: string }>(this.sql.knownFactures, [scope.opco, scope.cfa])).map((r) => r.numero);
  }

  async addPiece(record: PieceRecord): Promise<void> {
    await this.rows(this.sql.addPiece, [record.opco, record.cfa, record.numeroInterneDossier, JSON.stringify(record)]);
  }

  async listPieces(scope: Scope, numeroInterneDossier: string): Promise<PieceRecord[]> {
    return parseData<PieceRecord>(await this.rows(this.sql.listPieces, [scope.opco, scope.cfa, numeroInterneDossier]));
  }

  async nextCounter(name: string): Promise<number> {
    const [row] = await this.rows<{ value: string }>(this.sql.nextCounter, [name]);
    return Number(row?.value);
  }

  async getClock(): Promise<ClockState | undefined> {
    const [row] = await this.rows<{ value: string }>(this.sql.getKv, ['clock']);
    return row && (JSON.parse(row.value) as ClockState);
  }

  async setClock(state: ClockState): Promise<void> {
    await this.rows(this.sql.setAdminKv, ['clock', JSON.stringify(state), randomUUID()]);
  }

  async getTenants(): Promise<CfaTenant[]> {
    return parseData<CfaTenant>(await this.rows(this.sql.getTenants));
  }

  async putTenant(cfa: CfaTenant): Promise<void> {
    await this.rows(this.sql.putTenant, [cfa.siret, JSON.stringify(cfa), randomUUID()]);
  }

  async getShared<T>(name: string): Promise<T | undefined> {
    const [row] = await this.rows<{ value: string }>(this.sql.getKv, [`shared:${name}`]);
    return row && (JSON.parse(row.value) as T);
  }

  async setShared(name: string, value: unknown): Promise<void> {
    await this.rows(this.sql.setAdminKv, [`shared:${name}`, JSON.stringify(value), randomUUID()]);
  }

  async stamp(): Promise<string> {
    const [row] = await this.rows<{ value: string }>(this.sql.getKv, ['stamp']);
    return row?.value ?? '';
  }

  async nextExchangeSeq(sessionId: string): Promise<number> {
    const [row] = await this.rows<{ seq: number }>(this.sql.nextExchangeSeq, [sessionId]);
    return row?.seq ?? 1;
  }

  async appendExchange(sessionId: string, meta: SessionMeta, exchange: EchangeCfa): Promise<void> {
    await this.rows(this.sql.appendExchange, [sessionId, meta.opco, meta.cfa, exchange.seq, exchange.receivedAtMs, JSON.stringify(exchange)]);
  }

  async listSessions(): Promise<SessionSummary[]> {
    const rows = await this.rows<{ id: string; opco: string; cfa: string; requests: number; first: string; last: string; last_seq: number }>(this.sql.listSessions);
    return rows.map((r) => ({
      id: r.id,
      opco: r.opco,
      cfa: r.cfa,
      requests: r.requests,
      firstAt: new Date(Number(r.first)).toISOString(),
      lastAt: new Date(Number(r.last)).toISOString(),
      lastSeq: r.last_seq,
    }));
  }

  async getSession(id: string): Promise<StoredSession | undefined> {
    const [row] = await this.rows<{ id: string; opco: string; cfa: string }>(this.sql.getSession, [id]);
    if (!row) return undefined;
    return { id: row.id, opco: row.opco, cfa: row.cfa, echanges: parseData<EchangeCfa>(await this.rows(this.sql.sessionExchanges, [id])) };
  }

  async stats(): Promise<{ opco: string; cfa: string; dossiers: number; factures: number; pieces: number }[]> {
    return this.rows(this.sql.stats);
  }

  /** In one write unit: another instance sees the store before the reset or after it, never half-emptied. */
  async reset(): Promise<void> {
    await this.transaction(async () => {
      for (const statement of this.sql.reset) await this.rows(statement);
      await this.rows(this.sql.setKv, ['stamp', randomUUID()]);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Let a pending open finish (or fail) first: ending the pool under it would turn its error into another.
    await this.ready.catch(() => undefined);
    await this.pool.end();
  }
}
