// The suite report (schema 1.1): what one run of a conformance suite against a live target produced, before rendering.
import type { Outcome, Severity } from '../../conformance/rules/rule.js';

/** Bumped on any change; minor for added optional fields, major for anything a consumer could trip on. */
export const SUITE_REPORT_SCHEMA_VERSION = '1.2';

/** The first schema version with `signature`: a signed certification report declares at least it (mocks/certification/signature.ts). */
export const SIGNED_REPORT_SCHEMA_VERSION = '1.2';

/** `opco`: an OPCO's server tested by the bench acting as a CFA; `cfa`: CFA software tested against the mock OPCO. */
export type SuiteKind = 'opco' | 'cfa';

/** One HTTP exchange as sent; headers and bodies already redacted by the producer. */
export interface EvidenceRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Parsed JSON when the body was JSON, else the text; absent when there was none. */
  body?: unknown;
}

export interface EvidenceResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** Why a rule failed (or could not run): the exchange that shows it and how to replay it. */
export interface Evidence {
  /** Scenario id (see `ScenarioReport.id`). */
  scenario: string;
  /** Step name within the scenario, e.g. `POST /contrats`. */
  step: string;
  request: EvidenceRequest;
  /** Absent when no response came (timeout, connection refused). */
  response?: EvidenceResponse;
  expected?: string;
  received?: string;
  /** JSON path in the request or response body the finding is about, `apprenti.nir`, `errors[0].code`. */
  path?: string;
  /** French message for CFA / OPCO staff, or the tool's explanation. */
  message?: string;
  /** A ready-to-paste command that replays the request, with the API key replaced by `$API_KEY`. */
  curl: string;
  /** True when the step polled until a state changed (asynchronous processing) before judging. */
  waited?: boolean;
}

export interface RuleReport {
  ruleId: string;
  /** French title from the catalogue. */
  title: string;
  /** Vade-mecum part, groups the report: identifiants, cerfa, facturation, … */
  area: string;
  severity: Severity;
  requirements: string[];
  /** The verdict the target earned; kept as is when waived, so the report says what was waived. */
  outcome: Outcome;
  /** Present when a waiver (`{ruleId, reason}`) covers the rule: its outcome then neither fails nor blocks. */
  waived?: { reason: string };
  /** Why the rule was skipped, not applicable, or errored. */
  reason?: string;
  /** Skipped because its scenario is pending (a day, the OPCO's decision), not for good: a resumed run may judge it. Since 1.2. */
  pending?: true;
  /** Exchanges that show the failure or error; may be empty for pass/skip. */
  evidence: Evidence[];
}

export interface StepReport {
  name: string;
  outcome: Outcome;
  durationMs?: number;
  /** HTTP status received, when the step made a request. */
  status?: number;
}

export interface ScenarioReport {
  id: string;
  title: string;
  outcome: Outcome;
  durationMs: number;
  steps: StepReport[];
  reason?: string;
  /** The scenario waits at `step` for what only time brings; `jusquau`: the day a calendar condition holds. Since 1.2. */
  pending?: { step: string; depuis: string; jusquau?: string };
}

/**
 * `pass`: every citing rule that reached a verdict passed; `fail`: one of them failed or errored;
 * `not-verified`: no citing rule reached a verdict (skipped, not applicable, not run).
 */
export type ClauseStatus = 'pass' | 'fail' | 'not-verified';

export interface ClauseReport {
  id: string;
  status: ClauseStatus;
  /** Ids of the rules in this report that cite the clause. */
  rules: string[];
}

export interface CoverageReport {
  /** Clauses that at least one rule of this run checked (status `pass` or `fail`). */
  verified: number;
  /** Clauses in the suite's scope. */
  total: number;
  clauses?: ClauseReport[];
}

/** Outcome of one checklist item: `not-exercised` when the session did not (yet) do what the item observes. */
export type ChecklistOutcome = 'pass' | 'fail' | 'not-exercised';

/** One item of a CFA software's capability checklist (`kind: 'cfa'`): something the software was seen doing right, or not. */
export interface ChecklistItemReport {
  /** Stable id, `contrats-depot-valide`, `protocole-retry-after`. */
  id: string;
  /** The declared capability the item belongs to, or `protocole` (always judged). */
  capability: string;
  /** French title shown to the editor. */
  title: string;
  outcome: ChecklistOutcome;
  /** French: why the item failed or is not exercised (or which waiver let it pass). */
  reason?: string;
  /** Sequence numbers of the session's exchanges that show the outcome. */
  exchanges?: number[];
}

/** The recorded certification session a `kind: 'cfa'` report judges. */
export interface SessionInfoReport {
  /** The session id (OPCO and a digest of the key), never the key. */
  id: string;
  opco: string;
  /** SIRET of the CFA the key belongs to. */
  cfa: string;
  /** The editor triplet (EDITEUR, LOGICIEL, VERSION headers) as last seen complete. */
  editor?: { editeur: string; logiciel: string; version: string };
  /** The protocol version the editor declared. */
  version?: string;
  /** Declared capabilities. */
  capabilities: string[];
  /** Recorded requests. */
  requests: number;
  /** ISO 8601 instants of the first and last recorded requests. */
  firstAt?: string;
  lastAt?: string;
}

/** Rules by outcome; a waived rule counts only under `waived`, so the six outcome counts add up to `rules.length`. */
export interface SuiteSummary {
  pass: number;
  fail: number;
  skip: number;
  notApplicable: number;
  error: number;
  waived: number;
  /** Failed or errored rules of severity `bloquant`, not waived: what makes the target non-conformant. */
  blocking: number;
}

/**
 * How much of the declared scope a run evaluated (issue 18 §7): a target is conformant only when at least
 * `minimum` of the rules in scope were evaluated, not when most of them were skipped for want of time or clock.
 */
export interface EvaluationReport {
  /** Rules not out of the declared scope (not applicable), waived ones included. */
  inScope: number;
  /** Of those, rules that passed, failed or errored. */
  evaluated: number;
  /** Of those, rules skipped: nothing judged them (a wait that timed out, no admin clock…). */
  notEvaluated: number;
  /** Of those, rules waiting for time (their scenario is pending): `test opco --resume` may still judge them. Since 1.2. */
  pending?: number;
  /** The share of `inScope` that must be evaluated (`--min-evaluated`, default 1: all). */
  minimum: number;
}

/** The evaluation of a run's rules against the required share. */
export function evaluationOf(rules: readonly RuleReport[], minimum: number): EvaluationReport {
  // A waived rule was still judged (or not): the waiver changes its weight in the verdict, not whether it ran.
  const inScope = rules.filter((r) => r.outcome !== 'not-applicable');
  const evaluated = inScope.filter((r) => r.outcome !== 'skip').length;
  const pending = inScope.filter((r) => r.outcome === 'skip' && r.pending).length;
  return { inScope: inScope.length, evaluated, notEvaluated: inScope.length - evaluated, ...(pending > 0 ? { pending } : {}), minimum };
}

/** Whether enough of the scope was evaluated for a verdict of conformance (nothing in scope is never enough). */
export function assezEvalue(evaluation: EvaluationReport): boolean {
  return evaluation.inScope > 0 && evaluation.evaluated >= Math.ceil(evaluation.minimum * evaluation.inScope - 1e-9);
}

/**
 * What a certification report's signature covers, signed as canonical JSON (sorted keys, no whitespace): the verdict,
 * who was certified for what, a digest of the findings, and when the statement stops being valid.
 */
export interface SignedStatement {
  format: 'convergence-certification/1';
  verdict: 'certified' | 'not-certified';
  /** The session id, its OPCO profile and its CFA's SIRET. */
  session: string;
  opco: string;
  cfa: string;
  /** The editor triplet (EDITEUR, LOGICIEL, VERSION); null when the session never sent it whole. */
  editor: { editeur: string; logiciel: string; version: string } | null;
  /** The protocol version the editor declared; null for either. */
  protocolVersion: string | null;
  capabilities: string[];
  /** `sha256:<hex>` of the canonical JSON of each rule's and checklist item's outcome, and the summary. */
  findingsDigest: string;
  tool: { name: string; version: string };
  /** ISO 8601 instants (real time, not the mock's clock). */
  issuedAt: string;
  expiresAt: string;
}

/** The signature block of a signed certification report (schema 1.2). */
export interface ReportSignature {
  algorithm: 'Ed25519';
  /** `sha256:` and the first 16 hex digits of the digest of the public key (SPKI DER). */
  keyId: string;
  /** The signing public key (SPKI PEM), for a quick check; trust comes from the sandbox's published key. */
  publicKey: string;
  /** Where the sandbox serves that key, under the report's target URL. */
  publicKeyPath: string;
  statement: SignedStatement;
  /** Base64 Ed25519 signature of the statement's canonical JSON. */
  value: string;
}

export interface SuiteReport {
  schemaVersion: typeof SUITE_REPORT_SCHEMA_VERSION | typeof SIGNED_REPORT_SCHEMA_VERSION;
  tool: { name: string; version: string };
  kind: SuiteKind;
  target: { url: string; profile?: string };
  /** ISO 8601 instants. */
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  summary: SuiteSummary;
  /** opco runs: how much of the declared scope was evaluated. Since 1.1 (optional). */
  evaluation?: EvaluationReport;
  rules: RuleReport[];
  scenarios: ScenarioReport[];
  coverage: CoverageReport;
  /** CFA certification only: the capability checklist (declared capabilities and `protocole`). Since 1.1. */
  checklist?: ChecklistItemReport[];
  /** CFA certification only: the session judged. Since 1.1. */
  session?: SessionInfoReport;
  /** Signed certification reports only (1.2): the sandbox's signature of the verdict. */
  signature?: ReportSignature;
  /** The CLI's exit code for this run: 0 conformant, 1 findings, 2 tool or target error. */
  exitCode: 0 | 1 | 2;
}

/** Whether a rule's outcome counts as a finding (failed or could not run) once waivers are applied. */
export function isFinding(rule: Pick<RuleReport, 'outcome' | 'waived'>): boolean {
  return rule.waived === undefined && (rule.outcome === 'fail' || rule.outcome === 'error');
}

/** The counts of `summary`, computed the one way every producer should. */
export function summarize(rules: readonly RuleReport[]): SuiteSummary {
  const s: SuiteSummary = { pass: 0, fail: 0, skip: 0, notApplicable: 0, error: 0, waived: 0, blocking: 0 };
  for (const rule of rules) {
    if (rule.waived !== undefined) {
      s.waived++;
      continue;
    }
    if (rule.outcome === 'not-applicable') s.notApplicable++;
    else s[rule.outcome]++;
    if (isFinding(rule) && rule.severity === 'bloquant') s.blocking++;
  }
  return s;
}

/**
 * Requirement coverage of a run over the clauses in scope (`clauseIds`, e.g. every requirement cited by the
 * suite's rules, or a requirement file's ids). A waived rule still checked its clauses.
 */
export function coverageOf(rules: readonly RuleReport[], clauseIds: readonly string[]): CoverageReport {
  const clauses = clauseIds.map((id): ClauseReport => {
    const citing = rules.filter((r) => r.requirements.includes(id));
    const judged = citing.filter((r) => r.outcome === 'pass' || r.outcome === 'fail' || r.outcome === 'error');
    const status: ClauseStatus =
      judged.length === 0 ? 'not-verified' : judged.some((r) => r.outcome !== 'pass') ? 'fail' : 'pass';
    return { id, status, rules: citing.map((r) => r.ruleId) };
  });
  return { verified: clauses.filter((c) => c.status !== 'not-verified').length, total: clauses.length, clauses };
}
