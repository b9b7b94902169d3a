// Judges a recorded certification session: payload rules on every deposit, protocol rules on the session, the checklist, the report.
import type { CapaciteCfa, EchangeCfa, SessionCfa } from '../model/session.js';
import type { PayloadKind } from '../model/payloads.js';
import { catalogue } from '../rules/index.js';
import type { Rule, RuleResult, Violation } from '../rules/rule.js';
import { checkRule, createEvaluator, UnknownRuleError } from '../engine/evaluate.js';
import { PAYLOAD_KINDS } from '../engine/kind.js';
import {
  coverageOf,
  summarize,
  SUITE_REPORT_SCHEMA_VERSION,
  type Evidence,
  type RuleReport,
  type ScenarioReport,
  type SessionInfoReport,
  type StepReport,
  type SuiteReport,
} from '../../reports/suite/model.js';
import { buildChecklist, PROTOCOLE, type ScriptJoue, type VerdictRegle } from './checklist.js';
import { curlOf, redactBody, stepName, urlOf } from './exchanges.js';

export interface JudgeOptions {
  /** Capabilities the editor declared; `protocole` is always judged. */
  capabilities: CapaciteCfa[];
  /** The mock's base URL (curls replay against it) and the OPCO profile. */
  target: { url: string; profile?: string };
  tool: { name: string; version: string };
  waivers?: { ruleId: string; reason: string }[];
  /** Keep only these rule ids (payload or protocol rules); an unknown id throws `UnknownRuleError`. */
  only?: string[];
  /** The run's scripted plays: a not-exercised checklist item then names the request that provokes it. */
  script?: ScriptJoue;
  /** The judging instant (the report's `finishedAt`); tests fix it. */
  now?: () => Date;
}

/** Evidence items kept per rule: enough to see a pattern, not the whole session. */
const MAX_EVIDENCE = 10;

const KIND_LABEL: Record<PayloadKind, string> = {
  cerfa: 'contrat (CERFA)',
  facture: 'facture',
  convention: 'convention de formation',
  certificat: 'certificat de réalisation',
};

const isPayloadRule = (rule: Rule<any>): boolean => (rule.appliesTo as readonly string[]).some((k) => (PAYLOAD_KINDS as readonly string[]).includes(k));
const isSessionRule = (rule: Rule<any>): boolean => (rule.appliesTo as readonly string[]).includes('session');

/** The payload rules and the protocol (`client`) rules of the catalogue; never the `serveur` rules, which judge OPCO servers. */
export function certificationRules(): { payload: Rule<any>[]; session: Rule<any>[] } {
  return { payload: catalogue.filter(isPayloadRule), session: catalogue.filter(isSessionRule) };
}

/** One rule's result on one exchange. */
interface Judgement {
  echange: EchangeCfa;
  result: RuleResult;
  /** For a session rule: the violations that point to this exchange. */
  violations?: Violation[];
}

const violationText = (v: Violation): string => v.message ?? `${v.path}: expected ${v.expected}, received ${v.received}`;

function evidenceOf(session: SessionCfa, baseUrl: string, e: EchangeCfa, result: RuleResult, violations?: Violation[]): Evidence {
  const list = violations ?? (result.outcome === 'fail' ? result.violations : []);
  const first = list[0];
  const message = list.length > 0 ? list.map(violationText).join(' ; ') : 'reason' in result ? result.reason : undefined;
  return {
    scenario: session.id,
    step: stepName(e),
    request: { method: e.method, url: urlOf(baseUrl, e), headers: { ...e.headers }, ...(e.body !== undefined ? { body: redactBody(e.body) } : {}) },
    response: { status: e.response.status, headers: { ...e.response.headers }, ...(e.response.body !== undefined ? { body: redactBody(e.response.body) } : {}) },
    ...(first !== undefined ? { expected: first.expected, received: first.received, ...cheminLisible(first.path) } : {}),
    ...(message !== undefined && message !== '' ? { message } : {}),
    curl: curlOf(baseUrl, e),
  };
}

/**
 * The path a reader sees: a session rule's `echanges[7].headers` names the exchange by its array index, which the
 * step (`#8 POST /v2/factures`) already names by its seq; only what is inside the exchange (`headers`) is kept.
 */
function cheminLisible(path: string): { path?: string } {
  const inside = path.replace(/^echanges\[\d+\]\.?/, '');
  return inside === '' ? {} : { path: inside };
}

/** The exchange a session rule's violation points to: `echanges[i]…` (array index) or `#seq` in its path. */
export function echangeOfViolation(session: SessionCfa, v: Violation): EchangeCfa | undefined {
  const index = /^echanges\[(\d+)\]/.exec(v.path);
  if (index !== null) return session.echanges[Number(index[1])];
  const seq = /#(\d+)\b/.exec(v.path);
  if (seq !== null) return session.echanges.find((e) => e.seq === Number(seq[1]));
  return undefined;
}

type Aggregate = Pick<RuleReport, 'outcome' | 'reason' | 'evidence'> & { exchanges: number[] };

/** One rule over its judgements: fail > error > pass > skip > not-applicable, evidence from the failing exchanges. */
function aggregate(session: SessionCfa, baseUrl: string, judgements: readonly Judgement[], none: string): Aggregate {
  const by = (o: RuleResult['outcome']) => judgements.filter((j) => j.result.outcome === o);
  const reasons = (list: readonly Judgement[]) =>
    [...new Set(list.map((j) => ('reason' in j.result ? j.result.reason : '')).filter((r) => r !== ''))].slice(0, 3).join(' | ');
  const evidence = (list: readonly Judgement[]) => list.slice(0, MAX_EVIDENCE).map((j) => evidenceOf(session, baseUrl, j.echange, j.result, j.violations));
  const seqs = (list: readonly Judgement[]) => [...new Set(list.map((j) => j.echange.seq))];
  const failed = by('fail');
  if (failed.length > 0) return { outcome: 'fail', evidence: evidence(failed), exchanges: seqs(failed) };
  const errors = by('error');
  if (errors.length > 0) return { outcome: 'error', reason: reasons(errors), evidence: evidence(errors), exchanges: seqs(errors) };
  if (by('pass').length > 0) return { outcome: 'pass', evidence: [], exchanges: [] };
  const skipped = by('skip');
  if (skipped.length > 0) return { outcome: 'skip', reason: reasons(skipped), evidence: [], exchanges: [] };
  const na = by('not-applicable');
  return { outcome: 'not-applicable', reason: na.length > 0 ? reasons(na) : none, evidence: [], exchanges: [] };
}

/** A session rule's result spread over the exchanges its violations name; violations naming none become the reason. */
function sessionAggregate(session: SessionCfa, baseUrl: string, result: RuleResult): Aggregate {
  if (result.outcome === 'pass') return { outcome: 'pass', evidence: [], exchanges: [] };
  if (result.outcome !== 'fail') {
    return { outcome: result.outcome, reason: result.reason, evidence: [], exchanges: [] };
  }
  const perExchange = new Map<EchangeCfa, Violation[]>();
  const unplaced: Violation[] = [];
  for (const v of result.violations) {
    const e = echangeOfViolation(session, v);
    if (e === undefined) unplaced.push(v);
    else perExchange.set(e, [...(perExchange.get(e) ?? []), v]);
  }
  const judgements = [...perExchange].sort(([a], [b]) => a.seq - b.seq).map(([echange, violations]) => ({ echange, result, violations }));
  return {
    outcome: 'fail',
    evidence: judgements.slice(0, MAX_EVIDENCE).map((j) => evidenceOf(session, baseUrl, j.echange, j.result, j.violations)),
    exchanges: judgements.map((j) => j.echange.seq),
    ...(unplaced.length > 0 ? { reason: unplaced.map(violationText).slice(0, 5).join(' ; ') } : {}),
  };
}

const iso = (ms: number): string => new Date(ms).toISOString();

function sessionInfo(session: SessionCfa, capabilities: readonly CapaciteCfa[]): SessionInfoReport {
  const filled = (v: string | undefined): v is string => v !== undefined && v.trim() !== '';
  const last = [...session.echanges].reverse().find((e) => filled(e.headers.editeur) && filled(e.headers.logiciel) && filled(e.headers.version));
  const times = session.echanges.map((e) => e.receivedAtMs);
  return {
    id: session.id,
    opco: session.opco,
    cfa: session.cfa,
    ...(last !== undefined ? { editor: { editeur: last.headers.editeur!, logiciel: last.headers.logiciel!, version: last.headers.version! } } : {}),
    ...(session.version !== undefined ? { version: session.version } : {}),
    capabilities: [...capabilities],
    requests: session.echanges.length,
    ...(times.length > 0 ? { firstAt: iso(Math.min(...times)), lastAt: iso(Math.max(...times)) } : {}),
  };
}

/**
 * Judges a recorded session (pure: no I/O). Every payload rule judges every deposit with the context the mock
 * recorded; every protocol rule judges the session; the checklist covers the declared capabilities and `protocole`.
 * Exit code 0 iff every checklist item passes and no unwaived blocking finding remains.
 */
export function judgeSession(session: SessionCfa, options: JudgeOptions): SuiteReport {
  const now = options.now ?? (() => new Date());
  const baseUrl = options.target.url;
  const all = certificationRules();
  let payloadRules = all.payload;
  let sessionRules = all.session;
  if (options.only !== undefined) {
    const known = new Set([...payloadRules, ...sessionRules].map((r) => r.id));
    const unknown = options.only.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new UnknownRuleError(unknown);
    const wanted = new Set(options.only);
    payloadRules = payloadRules.filter((r) => wanted.has(r.id));
    sessionRules = sessionRules.filter((r) => wanted.has(r.id));
  }
  const waivers = new Map((options.waivers ?? []).map((w) => [w.ruleId, w.reason]));

  // Payload rules, on every deposit whose body is an object.
  const evaluator = createEvaluator({ rules: payloadRules });
  const perRule = new Map<string, Judgement[]>();
  const kindsSent = new Set<PayloadKind>();
  for (const e of session.echanges) {
    if (e.payload === undefined || e.body === null || typeof e.body !== 'object' || Array.isArray(e.body)) continue;
    kindsSent.add(e.payload.kind);
    evaluator.run(e.body, e.payload.kind, e.payload.context, (rule, result) => {
      const list = perRule.get(rule.id) ?? [];
      list.push({ echange: e, result });
      perRule.set(rule.id, list);
    });
  }

  const aggregates = new Map<string, Aggregate>();
  const blocages = new Map<number, string[]>();
  for (const rule of payloadRules) {
    const judgements = perRule.get(rule.id) ?? [];
    const kinds = (rule.appliesTo as readonly PayloadKind[]).filter((k) => (PAYLOAD_KINDS as readonly string[]).includes(k));
    const none = `aucun envoi de ${kinds.map((k) => KIND_LABEL[k]).join(' ou ')} dans la session`;
    aggregates.set(rule.id, aggregate(session, baseUrl, judgements, none));
    if (rule.severity !== 'bloquant' || waivers.has(rule.id)) continue;
    for (const j of judgements) {
      if (j.result.outcome !== 'fail' && j.result.outcome !== 'error') continue;
      blocages.set(j.echange.seq, [...(blocages.get(j.echange.seq) ?? []), rule.id]);
    }
  }
  for (const rule of sessionRules) aggregates.set(rule.id, sessionAggregate(session, baseUrl, checkRule(rule, session, {})));

  const rules: RuleReport[] = [...payloadRules, ...sessionRules].map((rule) => {
    const { exchanges: _exchanges, ...verdict } = aggregates.get(rule.id)!;
    const waived = waivers.get(rule.id);
    return {
      ruleId: rule.id,
      title: rule.title,
      area: rule.area,
      severity: rule.severity,
      requirements: [...rule.requirements],
      ...verdict,
      ...(waived !== undefined ? { waived: { reason: waived } } : {}),
    };
  });
  const summary = summarize(rules);

  const checklist = buildChecklist(options.capabilities, {
    session,
    blocagesPayload: blocages,
    ...(options.script !== undefined ? { script: options.script } : {}),
    regle(id): VerdictRegle | undefined {
      const a = aggregates.get(id);
      if (a === undefined || !sessionRules.some((r) => r.id === id)) return undefined;
      const waived = waivers.get(id);
      return { outcome: a.outcome, exchanges: a.exchanges, ...(a.reason !== undefined ? { reason: a.reason } : {}), ...(waived !== undefined ? { waived } : {}) };
    },
  });

  // A step fails when an unwaived finding points to its exchange.
  const failing = new Set<number>();
  for (const rule of rules) {
    if (rule.waived !== undefined || (rule.outcome !== 'fail' && rule.outcome !== 'error')) continue;
    for (const seq of aggregates.get(rule.ruleId)!.exchanges) failing.add(seq);
  }
  const steps: StepReport[] = session.echanges.map((e) => ({ name: stepName(e), outcome: failing.has(e.seq) ? 'fail' : 'pass', status: e.response.status }));
  const times = session.echanges.map((e) => e.receivedAtMs);
  const finished = now();
  const startedMs = times.length > 0 ? Math.min(...times) : finished.getTime();
  const scenario: ScenarioReport = {
    id: session.id,
    title: `Session ${session.id} — OPCO ${session.opco}, CFA ${session.cfa}`,
    outcome: steps.length === 0 ? 'skip' : failing.size > 0 ? 'fail' : 'pass',
    durationMs: times.length > 0 ? Math.max(...times) - startedMs : 0,
    steps,
    ...(steps.length === 0 ? { reason: 'aucune requête reçue du logiciel' } : {}),
  };

  const complete = checklist.every((item) => item.outcome === 'pass');
  const clauses = [...new Set(rules.flatMap((r) => r.requirements))].sort();
  return {
    schemaVersion: SUITE_REPORT_SCHEMA_VERSION,
    tool: options.tool,
    kind: 'cfa',
    target: { url: options.target.url, ...(options.target.profile !== undefined ? { profile: options.target.profile } : {}) },
    startedAt: iso(startedMs),
    finishedAt: finished.toISOString(),
    durationMs: Math.max(0, finished.getTime() - startedMs),
    summary,
    rules,
    scenarios: [scenario],
    coverage: coverageOf(rules, clauses),
    checklist,
    session: sessionInfo(session, options.capabilities),
    exitCode: complete && summary.blocking === 0 ? 0 : 1,
  };
}

export { PROTOCOLE };
