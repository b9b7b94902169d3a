// A CFA software's certification session as the mock recorded it: every exchange, with what the mock knew when it answered.
import type { PayloadKind } from './payloads.js';
import type { RuleContext } from './contexte.js';

/**
 * Capabilities an editor declares for `convergence test cfa`; `protocole` (429, 5xx) is always judged. `lectures` is
 * software that only reads (dossiers, their states, invoice states): it can be certified for exactly that.
 */
export type CapaciteCfa = 'contrats' | 'conventions' | 'factures' | 'certificats' | 'lectures';
export const CAPACITES_CFA: readonly CapaciteCfa[] = ['contrats', 'conventions', 'factures', 'certificats', 'lectures'];
/** Declared when `--capabilities` is absent: the four that deposit (`lectures` is their subset, for read-only software). */
export const CAPACITES_PAR_DEFAUT: readonly CapaciteCfa[] = ['contrats', 'conventions', 'factures', 'certificats'];

/** One request the software sent and the answer it got, in the order received. */
export interface EchangeCfa {
  /** 1-based order within the session. */
  seq: number;
  /** Real time the request was received, ms since the epoch: Retry-After and retry storms are judged in real time. */
  receivedAtMs: number;
  /** The mock's clock when the request was received, ISO 8601: dossier states and échéances follow it. */
  mockTime: string;
  method: string;
  /** Path as sent, without the query string: `/v2/factures`, `/akto/v2/dossiers`. */
  path: string;
  /** Query parameters as parsed (appairage values included: reports scrub them). */
  query: Record<string, string | string[]>;
  /** Protocol version of the path, when it has one. */
  version?: 'v1' | 'v2';
  /** The norm's operation: method and path after the version prefix (`POST /factures`, `GET /dossiers/etats`); absent when not in the spec. */
  operation?: string;
  /**
   * Request headers that matter for judging, names lower-cased: `editeur`, `logiciel`, `version`, `content-type`,
   * `prefer`, `idempotency-key`. Never `x-api-key` nor `authorization`.
   */
  headers: Record<string, string>;
  /** Parsed JSON body, or the text when it was not JSON; absent when there was none. */
  body?: unknown;
  /** Errors of the request against the spec's request schemas (what the mock answered 400 REQUETE_INVALIDE for); absent or empty when valid. */
  schemaErrors?: string[];
  response: {
    status: number;
    /** Response headers that matter for judging, names lower-cased: `retry-after`, `content-type`. */
    headers: Record<string, string>;
    body?: unknown;
  };
  /** Id of the scripted play the mock answered with instead of its engine (`rejet-premiere-facture`); absent otherwise. */
  scripted?: string;
  /** For a payload deposit (POST /dossiers, /conventions, /factures, /certificats): its kind and the context the catalogue judges it with (what the OPCO knew then). */
  payload?: { kind: PayloadKind; context: RuleContext };
}

/** Thresholds of the protocol rules; documented choices, overridable in the certification script. */
export interface ParametresProtocole {
  /** More resends than this of the same request (operation and payload identity) within `fenetreTempeteMs` after a 5xx is a retry storm. */
  tempeteMaxRenvois: number;
  fenetreTempeteMs: number;
  /** The least pause before resending a request answered 5xx without Retry-After (with one, its delay applies). */
  pauseApresErreurMs: number;
  /** More reads than this of the same dossier (or states page) within one second is polling too fast. */
  lecturesMaxParSeconde: number;
}

export const PARAMETRES_PROTOCOLE_DEFAUT: ParametresProtocole = {
  tempeteMaxRenvois: 3,
  fenetreTempeteMs: 10_000,
  pauseApresErreurMs: 1000,
  lecturesMaxParSeconde: 2,
};

export interface SessionCfa {
  /** Stable id: the OPCO id and a digest of the key, `norme-3f9a1c2b`. Never the key itself. */
  id: string;
  /** OPCO profile the key belongs to. */
  opco: string;
  /** SIRET of the CFA the key belongs to. */
  cfa: string;
  /** The protocol version the editor declared (`--version`); absent: both accepted. */
  version?: 'v1' | 'v2';
  parametres: ParametresProtocole;
  echanges: EchangeCfa[];
}
