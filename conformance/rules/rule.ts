// The shape of a conformance rule and of its typed outcome; every rule file calls `defineRule`.
import type { PayloadByKind, RuleKind, IsoDate } from '../model/payloads.js';
import type { RuleContext } from '../model/contexte.js';

export type { RuleContext };

export type Severity = 'bloquant' | 'avertissement' | 'information';
export type Outcome = 'pass' | 'fail' | 'skip' | 'not-applicable' | 'error';

/** One violation: where, what was expected, what was received. Values are already redacted by the rule when personal. */
export interface Violation {
  /** JSON path in the payload, dot notation with [i] for arrays: `apprenti.nir`, `lignes[0].montant`. */
  path: string;
  expected: string;
  received: string;
  /** French message shown to CFA / OPCO staff; defaults to the rule title. */
  message?: string;
}

export type RuleResult =
  | { outcome: 'pass' }
  | { outcome: 'fail'; violations: Violation[] }
  | { outcome: 'skip'; reason: string }
  | { outcome: 'not-applicable'; reason: string }
  | { outcome: 'error'; reason: string };

export interface Rule<K extends RuleKind = RuleKind> {
  /** Stable kebab-case id, e.g. `facture-total-egal-somme-lignes`. */
  id: string;
  /** French title shown to CFA and OPCO staff. */
  title: string;
  /** Requirement ids (conformance/requirements/*.yaml) this rule verifies. */
  requirements: string[];
  severity: Severity;
  /** Vade-mecum part or area, used to group reports: identifiants, cerfa, eligibilite, facturation, … */
  area: string;
  appliesTo: readonly K[];
  /**
   * Error code sent by the mock when it rejects with this rule (norm error body `errors[].code`).
   * Defaults to the rule id upper-cased with underscores.
   */
  code?: string;
  check(payload: PayloadByKind[K], context: RuleContext): RuleResult;
  /**
   * Turns a valid payload into one that violates this rule and no other blocking rule. The generator's
   * `--invalid <rule-id>` uses it, and so does the test that gives every rule its bad case.
   * Must not mutate its input. May also return a context (for rules that need one).
   */
  plant(valid: PayloadByKind[K], context: RuleContext): { payload: PayloadByKind[K]; context?: RuleContext };
}

export function defineRule<K extends RuleKind>(rule: Rule<K>): Rule<K> {
  return rule;
}

export const pass = (): RuleResult => ({ outcome: 'pass' });
export const fail = (...violations: Violation[]): RuleResult => ({ outcome: 'fail', violations });
export const skip = (reason: string): RuleResult => ({ outcome: 'skip', reason });
export const notApplicable = (reason: string): RuleResult => ({ outcome: 'not-applicable', reason });

/** Collects violations then answers pass or fail. */
export function verdict(violations: Violation[]): RuleResult {
  return violations.length === 0 ? pass() : fail(...violations);
}

/** The error code a rule is reported with in the norm's error body. */
export function ruleCode(rule: Pick<Rule, 'id' | 'code'>): string {
  return rule.code ?? rule.id.toUpperCase().replace(/-/g, '_');
}
