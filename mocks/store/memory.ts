// In-memory MockStore: for tests and throwaway runs; records are copied in and out so callers never share state.
import type { ClockState } from '../clock.js';
import type { CfaTenant } from '../tenants.js';
import type { DossierRecord, FactureRecord, MockStore, Page, PieceRecord, Scope } from './types.js';

const scopeKey = (s: Scope): string => `${s.opco}\u0000${s.cfa}`;

function page<T>(items: T[], offset: number, limit: number): Page<T> {
  return { total: items.length, items: items.slice(offset, offset + limit).map((x) => structuredClone(x)) };
}

export class MemoryStore implements MockStore {
  readonly kind = 'memory' as const;
  private dossiers = new Map<string, Map<string, DossierRecord>>();
  private factures = new Map<string, Map<string, FactureRecord>>();
  private pieces = new Map<string, PieceRecord[]>();
  private counters = new Map<string, number>();
  private clock: ClockState | undefined;
  private tenants = new Map<string, CfaTenant>();

  private bucket<T>(map: Map<string, Map<string, T>>, scope: Scope): Map<string, T> {
    const key = scopeKey(scope);
    let inner = map.get(key);
    if (!inner) map.set(key, (inner = new Map()));
    return inner;
  }

  async getDossier(scope: Scope, numeroInterne: string): Promise<DossierRecord | undefined> {
    const found = this.dossiers.get(scopeKey(scope))?.get(numeroInterne);
    return found && structuredClone(found);
  }

  async findByIdentity(scope: Scope, identityKey: string): Promise<DossierRecord[]> {
    return [...(this.dossiers.get(scopeKey(scope))?.values() ?? [])].filter((d) => d.identityKey === identityKey).map((d) => structuredClone(d));
  }

  async putDossier(record: DossierRecord): Promise<void> {
    this.bucket(this.dossiers, record).set(record.numeroInterne, structuredClone(record));
  }

  async listDossiers(scope: Scope, offset: number, limit: number): Promise<Page<DossierRecord>> {
    return page([...(this.dossiers.get(scopeKey(scope))?.values() ?? [])], offset, limit);
  }

  async allDossiers(scope: Scope): Promise<DossierRecord[]> {
    return [...(this.dossiers.get(scopeKey(scope))?.values() ?? [])].map((d) => structuredClone(d));
  }

  async getFacture(scope: Scope, numero: string): Promise<FactureRecord | undefined> {
    const found = this.factures.get(scopeKey(scope))?.get(numero);
    return found && structuredClone(found);
  }

  async putFacture(record: FactureRecord): Promise<void> {
    const bucket = this.bucket(this.factures, record);
    // A resent invoice moves to the end of the listing, like a new row.
    bucket.delete(record.numeroInterneFacture);
    bucket.set(record.numeroInterneFacture, structuredClone(record));
  }

  async listFactures(scope: Scope, offset: number, limit: number): Promise<Page<FactureRecord>> {
    return page([...(this.factures.get(scopeKey(scope))?.values() ?? [])], offset, limit);
  }

  async knownFactureNumbers(scope: Scope): Promise<string[]> {
    return [...(this.factures.get(scopeKey(scope))?.values() ?? [])].filter((f) => !f.rejected).map((f) => f.numeroInterneFacture);
  }

  async addPiece(record: PieceRecord): Promise<void> {
    const key = scopeKey(record);
    const list = this.pieces.get(key) ?? [];
    list.push(structuredClone(record));
    this.pieces.set(key, list);
  }

  async listPieces(scope: Scope, numeroInterneDossier: string): Promise<PieceRecord[]> {
    return (this.pieces.get(scopeKey(scope)) ?? []).filter((p) => p.numeroInterneDossier === numeroInterneDossier).map((p) => structuredClone(p));
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
  }

  async getTenants(): Promise<CfaTenant[]> {
    return [...this.tenants.values()].map((t) => structuredClone(t));
  }

  async putTenant(cfa: CfaTenant): Promise<void> {
    this.tenants.set(cfa.siret, structuredClone(cfa));
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
    this.factures.clear();
    this.pieces.clear();
    this.counters.clear();
    this.tenants.clear();
    this.clock = undefined;
  }

  async close(): Promise<void> {}
}
