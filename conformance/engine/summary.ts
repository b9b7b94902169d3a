// Aggregates rule results over any number of records in constant memory: counts per rule and its first N findings.
import type { Rule, RuleResult, Severity, Violation } from '../rules/rule.js';
import type { PayloadKind } from '../model/payloads.js';
import type { RuleEvaluation } from './evaluate.js';
import { PAYLOAD_KINDS } from './kind.js';
import { atOrAbove } from './severity.js';

/** Where a record came from and which dossier it is; never its personal data. */
export interface RecordRef {
  /** Input file as given by the user (`-` for stdin); absent when records come from memory. */
  file?: string;
  /** 1-based line where the record starts. */
  line: number;
  /** 0-based position of the record in its input. */
  index: number;
  kind: PayloadKind;
  numeroInterne?: string;
  numeroInterneFacture?: string;
  numeroInterneDossier?: string;
}

/** A failed rule, or a rule that could not run (`error`), on one record. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  outcome: 'fail' | 'error';
  record: RecordRef;
  /** Already redacted by the engine. Empty for `error`. */
  violations: Violation[];
  /** Why the rule could not run (`error` only). */
  reason?: string;
}

export interface OutcomeCounts {
  pass: number;
  fail: number;
  skip: number;
  notApplicable: number;
  error: number;
}

export interface RuleSummary {
  id: string;
  title: string;
  severity: Severity;
  area: string;
  requirements: readonly string[];
  appliesTo: readonly PayloadKind[];
  counts: OutcomeCounts;
  /** The first `maxFindings` findings, in input order. `counts.fail + counts.error` says how many there were. */
  findings: Finding[];
  /** The first distinct reasons given for `skip` (could not verify), to tell the user what was missing. */
  skipReasons: string[];
}

export interface ValidationSummary {
  tool: { name: string; version: string };
  /** Inputs in the order read (`-` for stdin). */
  inputs: string[];
  records: number;
  byKind: Record<PayloadKind, number>;
  failSeverity: Severity;
  maxFindings: number;
  /** Rules that ran at least once, in catalogue order. */
  rules: RuleSummary[];
  totals: OutcomeCounts & {
    /** Failures and errors of rules at or above `failSeverity`: what decides the exit code. */
    atOrAboveFailSeverity: number;
  };
  /** No failure or error at or above `failSeverity`. */
  conformant: boolean;
}

export interface SummaryOptions {
  /** Findings kept per rule (the counts are always complete). Default 20. */
  maxFindings?: number;
  /** Distinct skip reasons kept per rule. Default 3. */
  maxReasons?: number;
}

export interface SummaryMeta {
  tool?: { name: string; version: string };
  inputs?: string[];
  failSeverity?: Severity;
}

const MAX_ID_LENGTH = 64;

function identifier(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.length > 0) return value.length > MAX_ID_LENGTH ? `${value.slice(0, MAX_ID_LENGTH)}…` : value;
  return undefined;
}

/** The reference of a record: position plus the CFA's own numbers (numeroInterne…), nothing personal. */
export function recordRef(payload: unknown, kind: PayloadKind, position: { file?: string; line: number; index: number }): RecordRef {
  const ref: RecordRef = { line: position.line, index: position.index, kind };
  if (position.file !== undefined) ref.file = position.file;
  if (payload !== null && typeof payload === 'object') {
    const p = payload as Record<string, unknown>;
    // A CERFA deposit body carries its number inside `cerfa` (or beside it).
    const inner = kind === 'cerfa' && p.cerfa !== null && typeof p.cerfa === 'object' ? (p.cerfa as Record<string, unknown>) : undefined;
    const numeroInterne = identifier(inner?.numeroInterne) ?? identifier(p.numeroInterne);
    const numeroInterneFacture = identifier(p.numeroInterneFacture);
    const numeroInterneDossier = identifier(p.numeroInterneDossier);
    if (numeroInterne !== undefined) ref.numeroInterne = numeroInterne;
    if (numeroInterneFacture !== undefined) ref.numeroInterneFacture = numeroInterneFacture;
    if (numeroInterneDossier !== undefined) ref.numeroInterneDossier = numeroInterneDossier;
  }
  return ref;
}

interface RuleMeta {
  id: string;
  title: string;
  severity: Severity;
  area: string;
  requirements: readonly string[];
  appliesTo: readonly PayloadKind[];
}

const zero = (): OutcomeCounts => ({ pass: 0, fail: 0, skip: 0, notApplicable: 0, error: 0 });

/** Streaming accumulator: feed records and results, then `finish` once. */
export class Summarizer {
  private readonly maxFindings: number;
  private readonly maxReasons: number;
  private readonly order = new Map<string, number>();
  private readonly known = new Map<string, readonly PayloadKind[]>();
  private readonly entries = new Map<string, RuleSummary>();
  private readonly byObject = new Map<RuleMeta, RuleSummary>();
  /** The constructor's rules by position, and their entries once met: the hot path indexes an array. */
  private readonly positioned: readonly RuleMeta[];
  private readonly atPosition: (RuleSummary | undefined)[];
  private records = 0;
  private readonly byKind: Record<PayloadKind, number> = { cerfa: 0, facture: 0, convention: 0, certificat: 0 };

  constructor(rules: readonly Rule<any>[] = [], options: SummaryOptions = {}) {
    this.maxFindings = Math.max(0, options.maxFindings ?? 20);
    this.maxReasons = Math.max(0, options.maxReasons ?? 3);
    this.positioned = rules.slice();
    this.atPosition = rules.map(() => undefined);
    rules.forEach((rule, index) => {
      this.order.set(rule.id, index);
      this.known.set(rule.id, rule.appliesTo as readonly PayloadKind[]);
    });
  }

  /** Counts one record; call once per record, before or after its results. */
  addRecord(ref: RecordRef): void {
    this.records++;
    this.byKind[ref.kind]++;
  }

  /**
   * One rule's result on one record. `rule` should be a long-lived object (a catalogue rule): it is remembered
   * by identity so the hot path skips the lookup by id. `position`, the rule's index in the rules this summarizer
   * was built with (what `Evaluator.run` hands its visitor), skips even that.
   */
  add(ref: RecordRef, rule: RuleMeta, result: RuleResult, position?: number): void {
    if (position !== undefined && this.positioned[position] === rule) {
      const entry = (this.atPosition[position] ??= this.entryFor(rule));
      this.count(entry, ref, rule, result);
      return;
    }
    let entry = this.byObject.get(rule);
    if (entry === undefined) {
      entry = this.entryFor(rule);
      // Bounded, so a caller passing fresh metadata objects cannot grow it without limit.
      if (this.byObject.size < 4096) this.byObject.set(rule, entry);
    }
    this.count(entry, ref, rule, result);
  }

  private entryFor(rule: RuleMeta): RuleSummary {
    let entry = this.entries.get(rule.id);
    if (entry === undefined) {
      entry = {
        id: rule.id,
        title: rule.title,
        severity: rule.severity,
        area: rule.area,
        requirements: rule.requirements,
        appliesTo: rule.appliesTo.length > 0 ? rule.appliesTo : (this.known.get(rule.id) ?? []),
        counts: zero(),
        findings: [],
        skipReasons: [],
      };
      this.entries.set(rule.id, entry);
      if (!this.order.has(rule.id)) this.order.set(rule.id, this.order.size);
    }
    return entry;
  }

  private count(entry: RuleSummary, ref: RecordRef, rule: RuleMeta, result: RuleResult): void {
    switch (result.outcome) {
      case 'pass':
        entry.counts.pass++;
        return;
      case 'fail':
        entry.counts.fail++;
        if (entry.findings.length < this.maxFindings) {
          entry.findings.push({ ruleId: rule.id, severity: rule.severity, outcome: 'fail', record: ref, violations: result.violations });
        }
        return;
      case 'error':
        entry.counts.error++;
        if (entry.findings.length < this.maxFindings) {
          entry.findings.push({ ruleId: rule.id, severity: rule.severity, outcome: 'error', record: ref, violations: [], reason: result.reason });
        }
        return;
      case 'skip':
        entry.counts.skip++;
        if (entry.skipReasons.length < this.maxReasons && !entry.skipReasons.includes(result.reason)) entry.skipReasons.push(result.reason);
        return;
      case 'not-applicable':
        entry.counts.notApplicable++;
        return;
    }
  }

  /** All evaluations of one record (the `evaluate` form); counts the record too. */
  addEvaluations(ref: RecordRef, evaluations: readonly RuleEvaluation[]): void {
    this.addRecord(ref);
    for (const evaluation of evaluations) {
      // Metadata objects made per evaluation: looked up by id, never remembered by identity.
      const meta: RuleMeta = {
        id: evaluation.ruleId,
        title: evaluation.title,
        severity: evaluation.severity,
        area: evaluation.area,
        requirements: evaluation.requirements,
        appliesTo: [],
      };
      this.count(this.entryFor(meta), ref, meta, evaluation.result);
    }
  }

  /**
   * Adds what another summarizer made of other records of the same run (a worker thread's `finish()`). `inputOrder`
   * compares two records as the input orders them, so the findings kept are still the first N in input order.
   */
  merge(part: Pick<ValidationSummary, 'records' | 'byKind' | 'rules'>, inputOrder: (a: RecordRef, b: RecordRef) => number): void {
    this.records += part.records;
    for (const kind of PAYLOAD_KINDS) this.byKind[kind] += part.byKind[kind];
    for (const rule of part.rules) {
      const entry = this.entryFor(rule);
      const counts = entry.counts;
      counts.pass += rule.counts.pass;
      counts.fail += rule.counts.fail;
      counts.skip += rule.counts.skip;
      counts.notApplicable += rule.counts.notApplicable;
      counts.error += rule.counts.error;
      if (rule.findings.length > 0) {
        const findings = [...entry.findings, ...rule.findings].sort((a, b) => inputOrder(a.record, b.record));
        entry.findings.splice(0, entry.findings.length, ...findings.slice(0, this.maxFindings));
      }
      for (const reason of rule.skipReasons) {
        if (entry.skipReasons.length < this.maxReasons && !entry.skipReasons.includes(reason)) entry.skipReasons.push(reason);
      }
    }
  }

  finish(meta: SummaryMeta = {}): ValidationSummary {
    const failSeverity = meta.failSeverity ?? 'bloquant';
    const rules = [...this.entries.values()].sort((a, b) => this.order.get(a.id)! - this.order.get(b.id)!);
    const totals = { ...zero(), atOrAboveFailSeverity: 0 };
    for (const rule of rules) {
      totals.pass += rule.counts.pass;
      totals.fail += rule.counts.fail;
      totals.skip += rule.counts.skip;
      totals.notApplicable += rule.counts.notApplicable;
      totals.error += rule.counts.error;
      if (atOrAbove(rule.severity, failSeverity)) totals.atOrAboveFailSeverity += rule.counts.fail + rule.counts.error;
    }
    const byKind = {} as Record<PayloadKind, number>;
    for (const kind of PAYLOAD_KINDS) byKind[kind] = this.byKind[kind];
    return {
      tool: meta.tool ?? { name: 'convergence', version: '0.0.0' },
      inputs: meta.inputs ?? [],
      records: this.records,
      byKind,
      failSeverity,
      maxFindings: this.maxFindings,
      rules,
      totals,
      conformant: totals.atOrAboveFailSeverity === 0,
    };
  }
}

/** One-shot form of the accumulator: evaluations per record in, summary out. */
export function summarize(
  items: Iterable<{ record: RecordRef; evaluations: readonly RuleEvaluation[] }>,
  options: SummaryOptions & SummaryMeta & { rules?: readonly Rule<any>[] } = {},
): ValidationSummary {
  const summarizer = new Summarizer(options.rules, options);
  for (const { record, evaluations } of items) summarizer.addEvaluations(record, evaluations);
  return summarizer.finish(options);
}

/** Whether any finding (failure or error) is at or above `threshold`. */
export function hasFindingsAtOrAbove(summary: ValidationSummary, threshold: Severity): boolean {
  return summary.rules.some((rule) => atOrAbove(rule.severity, threshold) && rule.counts.fail + rule.counts.error > 0);
}
