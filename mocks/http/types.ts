// The mock app's shared types (options, runtime state, request log entry), apart from mocks/app.ts so its parts can import them.
import type { FastifyInstance } from 'fastify';
import type { Clock, ClockState } from '../clock.js';
import type { HorlogesParCfa } from '../horloges.js';
import type { FaultInjector } from '../faults.js';
import type { OpcoProfile } from '../profiles.js';
import type { CompiledSpec } from '../spec.js';
import type { MockStore } from '../store/types.js';
import type { MockConfig, OAuthClient, TenantRegistry } from '../tenants.js';
import type { Referentiel } from '../engine/referentiel.js';
import type { Breaks } from '../variants/index.js';
import type { Comportement } from '../engine/comportement.js';
import type { CertificationRecorder, CertificationOptions } from '../certification/recorder.js';

export interface MockAppOptions {
  /** OpenAPI file; the project's spec/openapi.yaml by default. */
  spec?: string;
  /** `memory` (default here; the CLI defaults to a SQLite file) or the path of a SQLite file. */
  store?: 'memory' | string;
  /** Parsed tenant config; the demo tenant when absent. */
  config?: MockConfig;
  /** Clock to use; when absent the clock saved in the store is restored, else real time. */
  clock?: Clock;
  logger?: false;
  /**
   * The lean node:http path for plain GET /v2/dossiers?numeroInterne= and POST /v2/dossiers (mocks/fast-path.ts);
   * on by default, `false` sends every request through Fastify (tests compare both).
   */
  fastPath?: boolean;
  /** Called once per answered request with a redacted summary (the CLI prints it). */
  onRequest?: (entry: RequestLogEntry) => void;
  /** Called with any unexpected error (answered 500 ERREUR_INTERNE); the CLI prints it. */
  onError?: (error: unknown) => void;
  /** Overrides the bundled sample référentiel (tests). */
  referentiel?: Referentiel;
  /** Broken variants (ids of mocks/variants) to check that a conformance suite fails; an unknown id throws UnknownVariantError. */
  breaks?: readonly string[];
  /**
   * Time (ms) a client has to send a whole request, headers and body; past it Node answers 408 and closes the
   * connection, so a stalled or dripping client cannot hold a socket forever. 60 s by default. Answering time
   * (`Prefer: latency`, the write queue) does not count.
   */
  requestTimeoutMs?: number;
  /**
   * Certification mode (`convergence test cfa`): each CFA key is a session whose exchanges are recorded in the store,
   * the script's plays answer some requests, its delays replace the config's. Absent: no recording, no extra hook.
   */
  certification?: CertificationOptions;
}

export interface RequestLogEntry {
  method: string;
  /** Path only: query strings may carry personal data (appairage) and are never logged. */
  path: string;
  status: number;
  ms: number;
  opco?: string;
  cfa?: string;
  key?: string;
}

export interface MockApp {
  app: FastifyInstance;
  /** The app's store (certification: `listSessions`, `getSession`, with `loadSession` of mocks/certification). */
  store: MockStore;
  close(): Promise<void>;
}

/** Mutable state shared by the request handlers and the admin API. */
export interface MockRuntime {
  store: MockStore;
  clock: Clock;
  initialClock: ClockState;
  config: MockConfig;
  tenants: TenantRegistry;
  profiles: Map<string, OpcoProfile>;
  defaultOpco: string;
  faults: FaultInjector;
  tokens: Map<string, { opco: string; expiresAt: number }>;
  clients: Map<string, OAuthClient[]>;
  spec: CompiledSpec;
  /** Broken variants (mocks/variants); empty for the conformant mock. */
  breaks: Breaks;
  /** The engine's behaviours for those variants (mocks/comportement-variantes.ts); CONFORME when there is none. */
  comportement: Comportement;
  /** The recorder, in certification mode only. */
  certification?: CertificationRecorder;
  saveClock(): Promise<void>;
  /** Each CFA's own clock, once it moved it (mocks/horloges.ts); the shared `clock` otherwise. */
  horloges: HorlogesParCfa;
  reloadTenants(): Promise<void>;
}

/** What the router records on a request for the request log (`mockMeta`). */
export interface RequestMeta {
  opco?: string;
  cfa?: string;
}
