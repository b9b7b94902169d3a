// The mock's storage contract: what is kept (dossiers, invoices, pièces, counters, clock, tenants) and how it is read.
//
// The interface is asynchronous: the memory and SQLite (better-sqlite3) stores answer synchronously, the PostgreSQL
// store (pg) over the network. Each write operation of the app runs in `transaction()`, one at a time, so
// read-then-write checks (duplicates) cannot interleave; the PostgreSQL store extends that to every instance sharing it.
import type { Cerfa, Convention, Certificat, Facture, IsoDate } from '../../conformance/model/payloads.js';
import type { EtatDossier, EngagementFraisAnnexe } from '../../conformance/model/dossier.js';
import type { EchangeCfa } from '../../conformance/model/session.js';
import type { ClockState } from '../clock.js';
import type { CfaTenant } from '../tenants.js';

/** A dossier's partition: the OPCO it was sent to and the CFA (SIRET) that owns it. */
export interface Scope {
  opco: string;
  cfa: string;
}

/** One échéance of the committed schedule, without its payment follow-up (derived from the invoices). */
export interface EcheancePlan {
  numero: number;
  codification: string;
  montantTotal: number;
  montantPedagogique: number;
  montantMajorationRQTH: number;
  dateOuverture: IsoDate;
  dateDebut: IsoDate | null;
  dateFin: IsoDate | null;
  iban: string;
  siret: string;
}

/** What the OPCO will decide at the end of the instruction, fixed at deposit so later reads are O(1). */
export interface Decision {
  etat: Extract<EtatDossier, 'ENGAGE' | 'REFUSE' | 'ANNULE'>;
  /** ANNULE is known at the instruction step; ENGAGE/REFUSE at the decision step. */
  step: 'instruction' | 'decision';
  commentaireEtat: string | null;
  numeroDeca: string | null;
  engagement: number | null;
  echeances: EcheancePlan[];
  engagementsFraisAnnexe: EngagementFraisAnnexe[];
}

/** An amount invoiced on an échéance by an accepted invoice; paid once `paidAt` is reached on the clock. */
export interface Allocation {
  numeroInterneFacture: string;
  numeroEcheance: number;
  montant: number;
  paidAt: string;
}

export interface DossierRecord extends Scope {
  numeroInterne: string;
  numeroExterne: string;
  /** nom|prénom|date de naissance|SIRET employeur|date de début, exact (FAQ: spelling variants are not detected). */
  identityKey: string;
  receivedAt: string;
  cerfa: Cerfa;
  decision: Decision;
  rupture: { dateRupture: IsoDate; declaredAt: string; echeances: EcheancePlan[]; engagement: number } | null;
  allocations: Allocation[];
  /** Frais annexes committed from the dossier's convention (costs × the référentiel's unit prices), when one was sent. */
  fraisAnnexes?: EngagementFraisAnnexe[];
}

export interface FactureRecord extends Scope {
  numeroInterneFacture: string;
  receivedAt: string;
  /** Rejected at receipt; accepted invoices move from EN_COURS_INSTRUCTION to REGLE on the clock. */
  rejected: boolean;
  commentaire: string | null;
  paidAt: string | null;
  facture: Facture;
  /** Allocation to dossiers, as listed in the etats. */
  dossiers: { numeroInterneDossier: string; numeroExterneDossier: string | null; montant: number }[];
}

export type PieceKind = 'convention' | 'certificat' | 'document';

export interface PieceRecord extends Scope {
  kind: PieceKind;
  id: string;
  numeroInterneDossier: string | null;
  receivedAt: string;
  body: Convention | Certificat | Record<string, unknown>;
}

export interface Page<T> {
  total: number;
  items: T[];
}

/** Who a certification session belongs to: the OPCO of the key and the CFA (SIRET) that owns it. */
export interface SessionMeta {
  opco: string;
  cfa: string;
}

/** A certification session at a glance (admin listing); instants are the real receipt times, ISO 8601. */
export interface SessionSummary extends SessionMeta {
  id: string;
  requests: number;
  firstAt: string;
  lastAt: string;
  /** Highest `seq` recorded: a restarted mock continues numbering after it. */
  lastSeq: number;
}

/** Every recorded exchange of a session, in `seq` order. */
export interface StoredSession extends SessionMeta {
  id: string;
  echanges: EchangeCfa[];
}

export interface MockStore {
  readonly kind: 'memory' | 'sqlite' | 'postgres';
  /**
   * Runs `fn` as one atomic unit: its writes are committed together or not at all (rejection → rollback). Called
   * inside another `transaction`, it is a savepoint. The app runs queued write operations one at a time, grouped in
   * one outer transaction (one fsync for the group) with one nested unit each; it answers them after the commit.
   * The PostgreSQL store maps this to BEGIN (plus a write lock shared by all its instances) and SAVEPOINT on one connection.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  getDossier(scope: Scope, numeroInterne: string): Promise<DossierRecord | undefined>;
  /** Dossiers of the scope with this identity key (duplicates, appairage). */
  findByIdentity(scope: Scope, identityKey: string): Promise<DossierRecord[]>;
  putDossier(record: DossierRecord): Promise<void>;
  /** In deposit order; `offset` 0-based. */
  listDossiers(scope: Scope, offset: number, limit: number): Promise<Page<DossierRecord>>;
  allDossiers(scope: Scope): Promise<DossierRecord[]>;

  getFacture(scope: Scope, numeroInterneFacture: string): Promise<FactureRecord | undefined>;
  putFacture(record: FactureRecord): Promise<void>;
  listFactures(scope: Scope, offset: number, limit: number): Promise<Page<FactureRecord>>;
  /** Numbers of the scope's accepted (not rejected) invoices. */
  knownFactureNumbers(scope: Scope): Promise<string[]>;

  addPiece(record: PieceRecord): Promise<void>;
  listPieces(scope: Scope, numeroInterneDossier: string): Promise<PieceRecord[]>;

  /** Next value of a named counter, starting at 1; never reused, even after a crash. */
  nextCounter(name: string): Promise<number>;
  getClock(): Promise<ClockState | undefined>;
  setClock(state: ClockState): Promise<void>;
  /** CFAs seeded through the admin API (config-file CFAs are not stored). */
  getTenants(): Promise<CfaTenant[]>;
  putTenant(cfa: CfaTenant): Promise<void>;

  /**
   * Records one exchange of a certification session (created on its first exchange). The app calls it through its
   * write queue, so it is committed with a group and never runs inside another operation's unit.
   */
  appendExchange(sessionId: string, meta: SessionMeta, exchange: EchangeCfa): Promise<void>;
  /** Sessions in the order they started. */
  listSessions(): Promise<SessionSummary[]>;
  getSession(id: string): Promise<StoredSession | undefined>;

  /**
   * Admin state that every instance on the store must answer alike (injected faults, certification plays…): a JSON
   * value under a name, undefined until set. Each call hands out a copy.
   */
  getShared<T>(name: string): Promise<T | undefined>;
  setShared(name: string, value: unknown): Promise<void>;
  /**
   * A token that changes with every write of the clock, a seeded tenant, a shared state, and with a reset, whichever
   * instance made it (never back to an earlier value). An instance reads it before serving a request and reloads
   * what it keeps in memory when it moved, so that instances sharing the store answer the same.
   */
  stamp(): Promise<string>;
  /**
   * The seq the next exchange of a certification session gets (1 for a new session). Called in the write unit that
   * appends the exchange, it is given once even across instances: the unit holds the store's write lock.
   */
  nextExchangeSeq(sessionId: string): Promise<number>;

  /** Counts per scope, for the admin state. */
  stats(): Promise<{ opco: string; cfa: string; dossiers: number; factures: number; pieces: number }[]>;
  /** Deletes every dossier, invoice, pièce, counter, seeded tenant, certification session, shared state and the clock state. */
  reset(): Promise<void>;
  close(): Promise<void>;
}
