// The server suite (`convergence test opco`): plays the scenarios against a target and returns the suite report.
import { packageVersion } from '../engine/package-root.js';
import { findRule } from '../rules/index.js';
import type { Rule, RuleResult, Severity } from '../rules/rule.js';
import { serveurRules } from '../rules/serveur/index.js';
import { redactFields } from '../../reports/suite/scrub.js';
import { assezEvalue, coverageOf, evaluationOf, summarize, SUITE_REPORT_SCHEMA_VERSION, type Evidence, type RuleReport, type ScenarioReport, type SuiteReport } from '../../reports/suite/model.js';
import { TokenSource } from './oauth.js';
import { preflight } from './preflight.js';
import { rulesOfStep, ScenarioRunner, type Judgement, type RunOptions, type ScenarioRun, type Target } from './runner.js';
import type { Scenario } from './scenario.js';
import type { Waiver } from './waivers.js';

export { loadScenarios, parseScenario, ScenarioError, bundledScenariosDir, type Scenario } from './scenario.js';
export { loadWaivers, parseWaivers, WaiverError, type Waiver } from './waivers.js';
export { loadResponseSchemas } from './schemas.js';
export { TargetUnreachableError, curlFor, type Target } from './runner.js';
export { OAuthTokenError, TokenSource, type OAuth2Client } from './oauth.js';
export { preflight, PreflightError } from './preflight.js';
export { ecrireEtat, FICHIER_REPRISE, lireEtat, RepriseError, runsRepris, type ParametresDuRun } from './reprise.js';
export { RecetteError } from './recette.js';

export interface SuiteOptions extends Omit<RunOptions, 'only'> {
  target: Target;
  profile?: string;
  scenarios: Scenario[];
  /** Rule ids to keep (server rules, or payload rules judged through the server); unknown ids are the caller's error. */
  only?: string[];
  waivers?: Waiver[];
  tool?: { name: string; version: string };
  /** false skips the checks of the operator's inputs (tests of the runner against partial doubles). */
  preflight?: boolean;
  /** Share of the rules in scope that must be evaluated for a conformant verdict (default 1: every one). */
  minEvaluated?: number;
  /** The runs of an earlier run of the same scenarios (`--resume`): pending ones play on, the others are kept as they ended. */
  reprise?: ScenarioRun[];
  /** When the run began (a resumed run keeps the first run's start). */
  startedAt?: Date;
  /** Receives the runs at the end, to keep them in the run directory (reprise.ts). */
  onRuns?: (runs: ScenarioRun[]) => void;
  /** Called after each scenario (the CLI's progress line). */
  onProgress?: (done: number, total: number, scenario: string) => void;
}

const MAX_EVIDENCE = 5;

/** Rules the run reports: every server rule, and every payload rule a scenario judges through the server. */
function reportedRules(scenarios: Scenario[], only: ReadonlySet<string> | undefined): Rule<any>[] {
  const ids = new Set<string>(serveurRules.map((r) => r.id));
  for (const s of scenarios) for (const step of s.steps) for (const id of rulesOfStep(step)) ids.add(id);
  return [...ids].filter((id) => !only || only.has(id)).map((id) => findRule(id)).filter((r): r is Rule<any> => r !== undefined);
}

/** Scenarios worth playing for `--only`: those naming one of the rules, all of them when a generic rule is asked. */
function scenariosFor(scenarios: Scenario[], only: ReadonlySet<string> | undefined): Scenario[] {
  if (!only) return scenarios;
  const named = (s: Scenario) => s.steps.some((step) => rulesOfStep(step).some((id) => only.has(id)));
  const generic = [...only].some((id) => serveurRules.some((r) => r.id === id) && !scenarios.some(named));
  return generic ? scenarios : scenarios.filter(named);
}

function evidenceOf(j: Judgement): Evidence | undefined {
  if (!j.echange) return undefined;
  const first = j.result.outcome === 'fail' ? j.result.violations[0] : undefined;
  const why = j.result.outcome === 'fail' ? j.result.violations.map((v) => v.message ?? `${v.path}: expected ${v.expected}, received ${v.received}`).join(' ; ') : 'reason' in j.result ? j.result.reason : undefined;
  // A request resent after 429 answers says so: the answer judged is the one after the wait.
  const reason = j.renvois ? `${why ? `${why} ` : ''}(requête ${j.renvois})` : why;
  const e = j.echange;
  return {
    scenario: j.scenario,
    step: j.step,
    request: { method: e.request.method, url: j.url ?? e.request.path, headers: e.request.headers, ...(e.request.body !== undefined ? { body: redactFields(e.request.body) } : {}) },
    response: { status: e.response.status, headers: e.response.headers, ...(e.response.body !== undefined ? { body: redactFields(e.response.body) } : {}) },
    ...(first ? { expected: first.expected, received: redactFields(first.received, first.path) as string, path: first.path } : {}),
    ...(reason ? { message: reason } : {}),
    curl: j.curl ?? '',
    ...(j.waited ? { waited: true } : {}),
  };
}

/** One rule's outcome over all its judgements: fail > error > pass > skip > not-applicable. */
function aggregate(rule: Rule<any>, judgements: Judgement[]): Pick<RuleReport, 'outcome' | 'reason' | 'evidence' | 'pending'> {
  const by = (o: RuleResult['outcome']) => judgements.filter((j) => j.result.outcome === o);
  const reasons = (list: Judgement[]) => [...new Set(list.map((j) => `${j.scenario}/${j.step} : ${'reason' in j.result ? j.result.reason : ''}`))].slice(0, 3).join(' | ');
  const evidence = (list: Judgement[]) => list.map(evidenceOf).filter((e): e is Evidence => e !== undefined).slice(0, MAX_EVIDENCE);
  if (by('fail').length > 0) return { outcome: 'fail', evidence: evidence(by('fail')) };
  if (by('error').length > 0) return { outcome: 'error', reason: reasons(by('error')), evidence: evidence(by('error')) };
  if (by('pass').length > 0) return { outcome: 'pass', evidence: [] };
  if (by('skip').length > 0) {
    // Pending when some scenario still waits for it (resumable): a skip for good elsewhere does not close it.
    const pending = by('skip').some((j) => j.pending);
    return { outcome: 'skip', reason: reasons(pending ? by('skip').filter((j) => j.pending) : by('skip')), evidence: evidence(by('skip').filter((j) => j.waited)), ...(pending ? { pending: true as const } : {}) };
  }
  if (by('not-applicable').length > 0) return { outcome: 'not-applicable', reason: reasons(by('not-applicable')), evidence: [] };
  // No scenario of the run's scope puts the rule in play: out of the declared scope, like a capability not declared.
  return { outcome: 'not-applicable', reason: rule.area === 'serveur' ? 'aucun scénario joué ne met cette règle en jeu' : "aucun scénario joué ne l'exerce", evidence: [] };
}

function scenarioReport(run: ScenarioRun): ScenarioReport {
  return {
    id: run.scenario.id,
    title: run.scenario.titre,
    outcome: run.outcome,
    durationMs: run.durationMs,
    steps: run.steps.map((s) => ({ name: s.id, outcome: s.outcome, durationMs: s.durationMs, ...(s.status !== undefined ? { status: s.status } : {}) })),
    ...(run.reason ? { reason: run.reason } : {}),
    ...(run.pending ? { pending: { step: run.pending.step, depuis: run.pending.depuis, ...(run.pending.jusquau ? { jusquau: run.pending.jusquau } : {}) } } : {}),
  };
}

/** Plays the scenarios one after the other (they share the target's clock) and builds the report. */
export async function runSuite(options: SuiteOptions): Promise<SuiteReport> {
  const startedAt = options.startedAt ?? new Date();
  const only = options.only ? new Set(options.only) : undefined;
  const scenarios = scenariosFor(options.scenarios, only);
  const first = { done: false };
  const tokens = options.target.oauth2 ? new TokenSource(options.target.oauth2, options.fetch ?? fetch, options.timeoutMs) : undefined;
  // The operator's mistakes (version in --target, refused key or admin token) stop the run before any finding.
  if (options.preflight !== false) await preflight(options.target, { ...(options.fetch ? { fetch: options.fetch } : {}), timeoutMs: options.timeoutMs, ...(tokens ? { tokens } : {}) });
  const runs: ScenarioRun[] = [];
  const dossiersRecette = { prochain: 0 };
  for (const [i, scenario] of scenarios.entries()) {
    const index = options.scenarios.indexOf(scenario);
    const runner = new ScenarioRunner(scenario, index, options.target, { ...options, only, dossiersRecette, ...(tokens ? { tokens } : {}) }, first);
    const before = options.reprise?.find((r) => r.scenario.id === scenario.id);
    runs.push(before ? await runner.resume(before) : await runner.run());
    options.onProgress?.(i + 1, scenarios.length, scenario.id);
  }
  options.onRuns?.(runs);
  const judgements = runs.flatMap((r) => r.judgements);
  const waivers = new Map((options.waivers ?? []).map((w) => [w.ruleId, w.reason]));
  const rules: RuleReport[] = reportedRules(scenarios, only).map((rule) => {
    const waived = waivers.get(rule.id);
    return {
      ruleId: rule.id,
      title: rule.title,
      area: rule.area,
      severity: rule.severity as Severity,
      requirements: [...rule.requirements],
      ...aggregate(rule, judgements.filter((j) => j.ruleId === rule.id)),
      ...(waived !== undefined ? { waived: { reason: waived } } : {}),
    };
  });
  const summary = summarize(rules);
  const evaluation = evaluationOf(rules, options.minEvaluated ?? 1);
  const finishedAt = new Date();
  const clauses = [...new Set(rules.flatMap((r) => r.requirements))].sort();
  return {
    schemaVersion: SUITE_REPORT_SCHEMA_VERSION,
    tool: options.tool ?? { name: 'convergence', version: packageVersion() },
    kind: 'opco',
    target: { url: options.target.url, ...(options.profile ? { profile: options.profile } : {}) },
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    summary,
    evaluation,
    rules,
    scenarios: runs.map(scenarioReport),
    coverage: coverageOf(rules, clauses),
    // Blocking findings and errors fail the run (a warning is reported, not blocking); so does a scope left
    // mostly unjudged: "conformant" needs the required share of the rules in scope evaluated.
    exitCode: summary.blocking + summary.error > 0 || !assezEvalue(evaluation) ? 1 : 0,
  };
}
