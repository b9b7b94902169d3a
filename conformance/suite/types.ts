// The server suite's types: the target as declared, the options of a run, and what a run of one scenario yields.
import type { Echange } from '../model/payloads.js';
import type { RuleResult } from '../rules/rule.js';
import type { OAuth2Client, TokenSource } from './oauth.js';
import type { ParticularitesCible } from './particularites.js';
import type { Scenario } from './scenario.js';
import type { ResponseSchemas } from './schemas.js';
import type { ReferentielsRecette } from './recette.js';

export interface Target {
  /** Base URL, without trailing slash: `http://127.0.0.1:4010`, `https://api.opco.fr/ApiEchangeCFA`. */
  url: string;
  /** The OPCO's declared delays (recette `delais`, ISO 8601): how long a state wait polls before it is left pending. */
  delais?: { instruction?: string; paiement?: string };
  /** What the OPCO's recette declares beyond capabilities, quirks and delays; absent: the mock's demo data. */
  recette?: DonneesRecette;
  cfaKey: string;
  cfaKey2?: string;
  editor: { editeur: string; logiciel: string; version: string };
  /** Admin token of the mock's `/_admin` API: time steps move its clock instead of waiting. */
  adminToken?: string;
  /** Base URL of the `/_admin` API when it is not `url` (a profile served under `/<opco>` on the mock). */
  adminUrl?: string;
  /** Capabilities declared by the target's profile (capabilities and protocol versions). */
  capacites: readonly string[];
  /** Status for an unknown numeroInterne (404, 400 at OPCO EP). */
  statutInconnu: number;
  /** The software's OAuth2 client, for OPCOs that require a bearer token next to X-API-KEY (AKTO…). */
  oauth2?: OAuth2Client;
  /**
   * The wire quirks the target's profile declares (mocks/profiles.yaml `particularites`, `--quirk`): accepted where
   * declared, judged against the norm where not (particularites.ts). Absent: the norm, strictly.
   */
  particularites?: ParticularitesCible;
}

export interface RunOptions {
  seed: number;
  /** Unique per run: prefixes numeroInterne and invoice numbers so runs never collide on a persistent server. */
  runId: string;
  timeoutMs: number;
  pollIntervalMs: number;
  /** Caps every polling wait (`--max-wait`), whatever the scenario's own timeout. */
  maxWaitMs?: number;
  /** Rule ids to keep (`--only`); all when absent. */
  only?: ReadonlySet<string> | undefined;
  schemas: ResponseSchemas;
  fetch?: typeof fetch;
  /** Real time, for polling; tests pass a fake. */
  sleep?: (ms: number) => Promise<void>;
  /** Whose turn it is among the recette's engaged dossiers (shared by the scenarios of a run). */
  dossiersRecette?: { prochain: number };
  /** Bearer tokens of `target.oauth2`, shared by every scenario of a run (runSuite creates it). */
  tokens?: TokenSource;
}

/** One rule's verdict on one exchange (or why it could not be judged there). */
export interface Judgement {
  ruleId: string;
  scenario: string;
  step: string;
  result: RuleResult;
  echange?: Echange;
  curl?: string;
  url?: string;
  waited?: boolean;
  /** Not judged yet: its scenario is pending (resumable), not skipped for good. */
  pending?: boolean;
  /** The request was resent after 429 answers (issue 13 §1): noted in the evidence. */
  renvois?: string;
}

export interface StepRun {
  id: string;
  outcome: 'pass' | 'fail' | 'skip' | 'not-applicable' | 'error';
  durationMs: number;
  status?: number;
  reason?: string;
  waited?: boolean;
  /** The step waits for what only time brings (a day, the OPCO's decision): the run can be resumed (issue 18 §3). */
  pending?: Pending;
}

/** Why and since when a scenario waits; `jusquau`: the day a calendar condition holds. */
export interface Pending {
  depuis: string;
  jusquau?: string;
}

export interface ScenarioRun {
  scenario: Scenario;
  outcome: StepRun['outcome'];
  reason?: string;
  durationMs: number;
  steps: StepRun[];
  judgements: Judgement[];
  /** The step the scenario waits at (its index in the scenario): `test opco --resume` plays on from there. */
  pending?: Pending & { step: string; index: number };
  /** What the runner held when the scenario was left pending, to play on from there (`--resume`). */
  etat?: EtatDuJoueur;
}

/** A pending scenario's runner, as kept in the run directory (reprise.ts): what it captured and generated. */
export interface EtatDuJoueur {
  captures: Record<string, unknown>;
  cerfas: [string, unknown][];
  factureCount: number;
  yearShift: number;
  recordIndex: number;
  etatsLus: [string, string[]][];
  libres: [string, number][];
}


/** The recette's data the scenarios use (recette.ts): absent members are not declared. */
export interface DonneesRecette {
  /** The training centre the first CFA's key must name. */
  organisme?: { siret?: string; uai?: string };
  referentiels?: ReferentielsRecette;
  /** The largest body the server accepts: the oversized-body scenario sends 1 KiB more. */
  corpsMaxOctets?: number;
  /** The OPCO's own rejection codes, each read as the norm's code it stands for. */
  codesVersLaNorme?: Record<string, string>;
  /** Dossiers already engaged in the recette (numeroInterne): the invoice scenarios start from them. */
  dossiersEngages?: string[];
}
