// In-memory MockStore: for tests and throwaway runs; records are kept as JSON text so callers never share state.
import type { ClockState } from '../clock.js';
import type { CfaTenant } from '../tenants.js';
import type { EchangeCfa } from '../../conformance/model/session.js';
import type { DossierRecord, FactureRecord, MockStore, Page, PieceRecord, Scope, SessionMeta, SessionSummary, StoredSession } from './types.js';

const scopeKey = (s: Scope): string => `${s.opco}\u0000${s.cfa}`;

// JSON text in and out (faster than structuredClone for these plain records, and the same round trip as SQLite).
const freeze = <T>(value: T): string => JSON.stringify(value);
const thaw = <T>(text: string): T => JSON.parse(text) as T;

interface Stored {
  identityKey?: string;
  rejected?: boolean;
  json: string;
}

function page<T>(items: Stored[], offset: number, limit: number): Page<T> {
  return { total: items.length, items: items.slice(offset, offset + limit).map((x) => thaw<T>(x.json)) };
}

export class MemoryStore implements MockStore {
  readonly kind = 'memory' as const;
  private dossiers = new Map<string, Map<string, Stored>>();
  /** scope + identity key → numerosInternes, so duplicate checks stay O(1) with many dossiers. */
  private identities = new Map<string, Set<string>>();
  private factures = new Map<string, Map<string, Stored>>();
  private pieces = new Map<string, { numeroInterneDossier: string | null; json: string }[]>();
  private counters = new Map<string, number>();
  private clock: ClockState | undefined;
  private tenants = new Map<string, CfaTenant>();
  /** Certification sessions in the order they started; exchanges as JSON text with their seq and receipt time. */
  private sessions = new Map<string, SessionMeta & { echanges: { seq: number; at: number; json: string }[] }>();
  private shared = new Map<string, string>();
  /** Only this process uses a memory store: a counter is enough, and never goes back (not even on reset). */
  private changes = 0;

  private bucket<T>(map: Map<string, Map<string, T>>, scope: Scope): Map<string, T> {
    const key = scopeKey(scope);
    let inner = map.get(key);
    if (!inner) map.set(key, (inner = new Map()));
    return inner;
  }

  /** Nothing to commit; a failing operation may leave earlier writes (tests only, never durable anyway). */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    return fn();
  }

  async getDossier(scope: Scope, numeroInterne: string): Promise<DossierRecord | undefined> {
    const found = this.dossiers.get(scopeKey(scope))?.get(numeroInterne);
    return found && thaw<DossierRecord>(found.json);
  }

  async findByIdentity(scope: Scope, identityKey: string): Promise<DossierRecord[]> {
    const bucket = this.dossiers.get(scopeKey(scope));
    const numeros = this.identities.get(`${scopeKey(scope)}\u0000${identityKey}`) ?? [];
    return [...numeros].flatMap((n) => {
      const d = bucket?.get(n);
      return d ? [thaw<DossierRecord>(d.json)] : [];
    });
  }

  async putDossier(record: DossierRecord): Promise<void> {
    const bucket = this.bucket(this.dossiers, record);
    const previous = bucket.get(record.numeroInterne);
    if (previous?.identityKey !== undefined && previous.identityKey !== record.identityKey) {
      this.identities.get(`${scopeKey(record)}\u0000${previous.identityKey}`)?.delete(record.numeroInterne);
    }
    const key = `${scopeKey(record)}\u0000${record.identityKey}`;
    let numeros = this.identities.get(key);
    if (!numeros) this.identities.set(key, (numeros = new Set()));
    numeros.add(record.numeroInterne);
    bucket.set(record.numeroInterne, { identityKey: record.identityKey, json: freeze(record) });
  }

  async listDossiers(scope: Scope, offset: number, limit: number): Promise<Page<DossierRecord>> {
    return page([...(this.dossiers.get(scopeKey(scope))?.values() ?? [])], offset, limit);
  }

  async allDossiers(scope: Scope): Promise<DossierRecord[]> {
    return [...(this.dossiers.get(scopeKey(scope))?.values() ?? [])].map((d) => thaw<DossierRecord>(d.json));
  }

  async getFacture(scope: Scope, numero: string): Promise<FactureRecord | undefined> {
    const found = this.factures.get(scopeKey(scope))?.get(numero);
    return found && thaw<FactureRecord>(found.json);
  }

  async putFacture(record: FactureRecord): Promise<void> {
    const bucket = this.bucket(this.factures, record);
    // A resent invoice moves to the end of the listing, like a new row.
    bucket.delete(record.numeroInterneFacture);
    bucket.set(record.numeroInterneFacture, { rejected: record.rejected, json: freeze(record) });
  }

  async listFactures(scope: Scope, offset: number, limit: number): Promise<Page<FactureRecord>> {
    return page([...(this.factures.get(scopeKey(scope))?.values() ?? [])], offset, limit);
  }

  async knownFactureNumbers(scope: Scope): Promise<string[]> {
    return [...(this.factures.get(scopeKey(scope))?.entries() ?? [])].filter(([, f]) => !f.rejected).map(([numero]) => numero);
  }

  async addPiece(record: PieceRecord): Promise<void> {
    const key = scopeKey(record);
    const list = this.pieces.get(key) ?? [];
    list.push({ numeroInterneDossier: record.numeroInterneDossier, json: freeze(record) });
    this.pieces.set(key, list);
  }

  async listPieces(scope: Scope, numeroInterneDossier: string): Promise<PieceRecord[]> {
    return (this.pieces.get(scopeKey(scope)) ?? []).filter((p) => p.numeroInterneDossier === numeroInterneDossier).map((p) => thaw<PieceRecord>(p.json));
  }

  async nextCounter(name: string): Promise<number> {
    const next = (this.counters.get(name) ?? 0) + 1;
    this.counters.set(name, next);
    return next;
  }

  async getClock(): Promise<ClockState | undefined> {
    return this.clock && { ...this.clock };
  }

  async setClock(state: ClockState): Promise<void> {
    this.clock = { ...state };
    this.changes++;
  }

  async getTenants(): Promise<CfaTenant[]> {
    return [...this.tenants.values()].map((t) => thaw<CfaTenant>(freeze(t)));
  }

  async putTenant(cfa: CfaTenant): Promise<void> {
    this.tenants.set(cfa.siret, thaw<CfaTenant>(freeze(cfa)));
    this.changes++;
  }

  async getShared<T>(name: string): Promise<T | undefined> {
    const json = this.shared.get(name);
    return json === undefined ? undefined : thaw<T>(json);
  }

  async setShared(name: string, value: unknown): Promise<void> {
    this.shared.set(name, freeze(value));
    this.changes++;
  }

  async stamp(): Promise<string> {
    return String(this.changes);
  }

  async nextExchangeSeq(sessionId: string): Promise<number> {
    return Math.max(0, ...(this.sessions.get(sessionId)?.echanges.map((e) => e.seq) ?? [])) + 1;
  }

  async appendExchange(sessionId: string, meta: SessionMeta, exchange: EchangeCfa): Promise<void> {
    let session = this.sessions.get(sessionId);
    if (!session) this.sessions.set(sessionId, (session = { opco: meta.opco, cfa: meta.cfa, echanges: [] }));
    if (session.echanges.some((e) => e.seq === exchange.seq)) throw new Error(`exchange ${sessionId}#${exchange.seq} already recorded`);
    session.echanges.push({ seq: exchange.seq, at: exchange.receivedAtMs, json: freeze(exchange) });
  }

  async listSessions(): Promise<SessionSummary[]> {
    return [...this.sessions.entries()]
      .filter(([, s]) => s.echanges.length > 0)
      .map(([id, s]) => {
        const times = s.echanges.map((e) => e.at);
        return {
          id,
          opco: s.opco,
          cfa: s.cfa,
          requests: s.echanges.length,
          firstAt: new Date(Math.min(...times)).toISOString(),
          lastAt: new Date(Math.max(...times)).toISOString(),
          lastSeq: Math.max(...s.echanges.map((e) => e.seq)),
        };
      })
      .sort((a, b) => a.firstAt.localeCompare(b.firstAt));
  }

  async getSession(id: string): Promise<StoredSession | undefined> {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    const echanges = [...session.echanges].sort((a, b) => a.seq - b.seq).map((e) => thaw<EchangeCfa>(e.json));
    return { id, opco: session.opco, cfa: session.cfa, echanges };
  }

  async stats(): Promise<{ opco: string; cfa: string; dossiers: number; factures: number; pieces: number }[]> {
    const keys = new Set([...this.dossiers.keys(), ...this.factures.keys(), ...this.pieces.keys()]);
    return [...keys].map((key) => {
      const [opco = '', cfa = ''] = key.split('\u0000');
      return {
        opco,
        cfa,
        dossiers: this.dossiers.get(key)?.size ?? 0,
        factures: this.factures.get(key)?.size ?? 0,
        pieces: this.pieces.get(key)?.length ?? 0,
      };
    });
  }

  async reset(): Promise<void> {
    this.dossiers.clear();
    this.identities.clear();
    this.factures.clear();
    this.pieces.clear();
    this.counters.clear();
    this.tenants.clear();
    this.sessions.clear();
    this.shared.clear();
    this.clock = undefined;
    this.changes++;
  }

  async close(): Promise<void> {}
}
