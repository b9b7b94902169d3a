// The web console's shared types: what the mock hands it, who is looking, what the live log keeps and streams.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Delais } from '../engine/context.js';
import type { Referentiel } from '../engine/referentiel.js';
import type { MockRuntime } from '../http/types.js';

/** What the composition root (mocks/app.ts) gives the console: the same state and settings the router uses. */
export interface ConsoleSetting {
  runtime: MockRuntime;
  delais: Delais;
  pageSize: number;
  referentiel: Referentiel;
}

/**
 * The small part of the console that exists from the start (mocks/console/index.ts): the loaded console installs
 * `capture` while someone watches the live log, and `close` to end its streams when the app closes.
 */
export interface ConsoleTap {
  capture?: (request: FastifyRequest, reply: FastifyReply, payload: unknown) => void;
  close?: () => void;
}

/** Who is looking: the admin token sees everything; a CFA key sees its CFA, on the OPCOs that key opens. */
export type Viewer =
  | { admin: true }
  | {
      admin: false;
      cfa: string;
      denomination: string;
      /** OPCO ids the key is valid at. */
      opcos: string[];
      /** Certification session ids of that key (one per OPCO): never the key itself. */
      sessions: string[];
    };

/** One request of the live log, redacted when captured: nothing personal is kept in memory. */
export interface LogEntry {
  id: number;
  at: string;
  /** The mock's clock when it arrived. */
  mockTime: string;
  method: string;
  /** Path only: query strings may carry personal data (appairage). */
  path: string;
  status: number;
  ms: number;
  opco?: string;
  cfa?: string;
  /** Codes of the answer's `errors[]` (rule codes of a refusal, a fault's code). */
  codes: string[];
  /** The certification play that answered, when one did. */
  session?: string;
}

/** A log entry with its exchange, for the click-through. */
export interface LogExchange extends LogEntry {
  request: { headers: Record<string, string>; body?: unknown };
  response: { headers: Record<string, string>; body?: unknown };
}

/** Server-sent event names the page listens to. */
export type ConsoleEventName = 'requete' | 'horloge' | 'fautes' | 'pret';

export interface ConsoleEvent {
  name: ConsoleEventName;
  data: unknown;
  /** Only viewers of this CFA (and the admin) receive it; absent: admin only, or everyone for `horloge`. */
  cfa?: string;
  /** With `cfa`: only viewers whose key opens this OPCO. */
  opco?: string;
  everyone?: boolean;
}

/** The loaded console: answers every request under /_console. */
export interface LoadedConsole {
  handle(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void>;
}

export type ConsoleFactory = (app: FastifyInstance, setting: ConsoleSetting, tap: ConsoleTap) => LoadedConsole;
