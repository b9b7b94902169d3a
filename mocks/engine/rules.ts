// Runs the one rule catalogue through the conformance engine for the mock, and turns blocking failures into the norm's error items.
import { createEvaluator, type Evaluator } from '../../conformance/engine/evaluate.js';
import { ruleCode, type Rule, type RuleContext, type RuleResult } from '../../conformance/rules/rule.js';
import type { DepotCerfa, PayloadByKind, PayloadKind } from '../../conformance/model/payloads.js';
import type { NormError } from '../errors.js';

export interface Finding {
  rule: Rule<any>;
  result: RuleResult;
}

let evaluator: Evaluator | undefined;

/**
 * Every applicable rule's result; a rule that throws is an `error` outcome (engine), never a failed request. A
 * CERFA may be the wire's `{"cerfa": …}` (the engine unwraps it and prefixes violation paths with `cerfa.`).
 */
export function runRules<K extends PayloadKind>(payload: PayloadByKind[K] | (K extends 'cerfa' ? DepotCerfa : never), kind: K, context: RuleContext): Finding[] {
  evaluator ??= createEvaluator();
  const findings: Finding[] = [];
  // Every payload reaching the engine passed the spec's request schema (mocks/http/validate.ts answered 400 otherwise).
  const judged: RuleContext = context.erreursSchema === undefined ? { ...context, erreursSchema: [] } : context;
  evaluator.run(payload, kind, judged, (rule, result) => findings.push({ rule, result }));
  return findings;
}

/** Blocking failures of the given areas (all areas when omitted). */
export function blocking(findings: Finding[], areas?: readonly string[]): Finding[] {
  return findings.filter(
    (f) => f.result.outcome === 'fail' && f.rule.severity === 'bloquant' && (!areas || areas.includes(f.rule.area)),
  );
}

/** One norm error per violation: the rule's code, its French message, the field. */
export function toNormErrors(findings: Finding[]): NormError[] {
  return findings.flatMap(({ rule, result }) =>
    result.outcome === 'fail'
      ? result.violations.map((v) => ({ code: ruleCode(rule), description: v.message ?? rule.title, champ: v.path }))
      : [],
  );
}
