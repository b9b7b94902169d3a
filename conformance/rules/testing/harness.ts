// Test support: runs the coherence and eligibility rules on a payload and tells which ones fail (no vitest here).
import type { Cerfa } from '../../model/payloads.js';
import type { Rule, RuleContext, RuleResult } from '../rule.js';
import { coherenceRules } from '../coherence/index.js';
import { eligibiliteRules } from '../eligibilite/index.js';

export const rulesOfMyAreas: readonly Rule<'cerfa'>[] = [...coherenceRules, ...eligibiliteRules];

export function run(rule: Rule<any>, payload: Cerfa, context: RuleContext = {}): RuleResult {
  return rule.check(payload, context);
}

/** Ids of the rules (among `rules`) that fail on `payload`. */
export function failing(rules: readonly Rule<any>[], payload: Cerfa, context: RuleContext = {}): string[] {
  return rules.filter((rule) => rule.appliesTo.includes('cerfa') && rule.check(payload, context).outcome === 'fail').map((r) => r.id);
}

/** Violation paths of a result (empty unless it failed). */
export function paths(result: RuleResult): string[] {
  return result.outcome === 'fail' ? result.violations.map((v) => v.path) : [];
}

export interface PlantReport {
  valid: RuleResult;
  planted: RuleResult;
  /** Other rules of the coherence and eligibility areas failing on the planted payload. */
  autresEchecs: string[];
  plantedPayload: Cerfa;
  plantedContext: RuleContext;
}

/** Checks `rule` on `valid`, plants it, checks again, and lists collateral failures in both areas. */
export function plantReport(rule: Rule<'cerfa'>, valid: Cerfa, context: RuleContext = {}): PlantReport {
  const before = JSON.stringify(valid);
  const planted = rule.plant(valid, context);
  if (JSON.stringify(valid) !== before) throw new Error(`${rule.id}: plant mutated its input`);
  const plantedContext = planted.context ?? context;
  return {
    valid: rule.check(valid, context),
    planted: rule.check(planted.payload, plantedContext),
    autresEchecs: failing(rulesOfMyAreas, planted.payload, plantedContext).filter((id) => id !== rule.id),
    plantedPayload: planted.payload,
    plantedContext,
  };
}
