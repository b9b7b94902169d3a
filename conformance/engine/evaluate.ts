// Runs the catalogue's rules on one payload: precomputed rule lists per kind, a throwing rule is an `error` outcome.
import { catalogue } from '../rules/index.js';
import type { Rule, RuleContext, RuleResult, Severity } from '../rules/rule.js';
import type { PayloadKind } from '../model/payloads.js';
import { PAYLOAD_KINDS } from './kind.js';
import { redactResult } from './redaction.js';
import { lireDepotCerfa } from '../model/depot-cerfa.js';
import { avecDossier } from '../rules/support/dossier.js';

/** One rule's verdict on one payload, with the rule's metadata for reporters. */
export interface RuleEvaluation {
  ruleId: string;
  severity: Severity;
  area: string;
  title: string;
  requirements: readonly string[];
  result: RuleResult;
}

export interface EvaluateOptions {
  /** The rules to choose from (default: the whole catalogue). */
  rules?: readonly Rule<any>[];
  /** Keep only these rule ids; an unknown id is an error (a typo must not silently select nothing). */
  only?: readonly string[];
}

/** `only` named ids that are not in the rule list. */
export class UnknownRuleError extends Error {
  constructor(readonly ids: readonly string[]) {
    super(`unknown rule id${ids.length > 1 ? 's' : ''}: ${ids.join(', ')}`);
    this.name = 'UnknownRuleError';
  }
}

/**
 * Called once per rule run; the lean path the CLI and the benchmark use (no evaluation objects). `position` is the
 * rule's index in the evaluator's `rules`, so a consumer can keep per-rule state in an array (Summarizer.add).
 */
export type Visit = (rule: Rule<any>, result: RuleResult, position: number) => void;

export interface Evaluator {
  /** The selected rules, in catalogue order. */
  readonly rules: readonly Rule<any>[];
  rulesFor(kind: PayloadKind): readonly Rule<any>[];
  /** Runs every selected rule that applies to `kind` and hands each result to `visit`. */
  run(payload: unknown, kind: PayloadKind, context: RuleContext, visit: Visit): void;
  evaluate(payload: unknown, kind: PayloadKind, context: RuleContext): RuleEvaluation[];
}

function isResult(value: unknown): value is RuleResult {
  if (value === null || typeof value !== 'object') return false;
  const outcome = (value as { outcome?: unknown }).outcome;
  if (outcome === 'pass') return true;
  if (outcome === 'fail') return Array.isArray((value as { violations?: unknown }).violations);
  return (
    (outcome === 'skip' || outcome === 'not-applicable' || outcome === 'error') &&
    typeof (value as { reason?: unknown }).reason === 'string'
  );
}

interface AJuger {
  payload: unknown;
  prefixe: string;
  membresNonPrevus?: readonly string[];
}

/**
 * What the rules of `kind` judge: for a CERFA, the inner object with date-times cut to their date (the wire's
 * `{"cerfa": …}` is unwrapped); with `prefixe` the path prefix its violations need to name the body's members, and
 * the unknown members met while reading it.
 */
function aJuger(payload: unknown, kind: PayloadKind): AJuger {
  if (kind !== 'cerfa') return { payload, prefixe: '' };
  const lu = lireDepotCerfa(payload);
  return { payload: lu.cerfa, prefixe: lu.enveloppe ? 'cerfa.' : '', membresNonPrevus: lu.membresNonPrevus };
}

function prefixer(result: RuleResult, prefixe: string): RuleResult {
  if (prefixe === '' || result.outcome !== 'fail') return result;
  return { outcome: 'fail', violations: result.violations.map((v) => ({ ...v, path: v.path === '' ? prefixe.slice(0, -1) : prefixe + v.path })) };
}

/** One rule on one payload; never throws. Non-pass results are redacted here, once, for every consumer. */
export function checkRule(rule: Rule<any>, payload: unknown, context: RuleContext): RuleResult {
  let result: unknown;
  try {
    result = rule.check(payload as never, context);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return redactResult({ outcome: 'error', reason: `la règle a levé une exception : ${message}` });
  }
  if (!isResult(result)) return { outcome: 'error', reason: 'la règle a rendu un résultat invalide' };
  return result.outcome === 'pass' ? result : redactResult(result);
}

export function createEvaluator(options: EvaluateOptions = {}): Evaluator {
  const source = options.rules ?? catalogue;
  let rules: readonly Rule<any>[] = source;
  if (options.only !== undefined) {
    const known = new Set(source.map((rule) => rule.id));
    const unknown = options.only.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new UnknownRuleError(unknown);
    const wanted = new Set(options.only);
    rules = source.filter((rule) => wanted.has(rule.id));
  }
  // Precomputed once: the hot path only indexes an array per kind.
  const perKind = new Map<PayloadKind, readonly Rule<any>[]>(
    PAYLOAD_KINDS.map((kind) => [kind, rules.filter((rule) => (rule.appliesTo as readonly string[]).includes(kind))]),
  );
  const rulesFor = (kind: PayloadKind): readonly Rule<any>[] => perKind.get(kind) ?? [];
  const positions = new Map<PayloadKind, readonly number[]>(PAYLOAD_KINDS.map((kind) => [kind, rulesFor(kind).map((rule) => rules.indexOf(rule))]));

  return {
    rules,
    rulesFor,
    run(body, kind, context, visit) {
      const list = rulesFor(kind);
      const at = positions.get(kind)!;
      const { payload, prefixe, membresNonPrevus } = aJuger(body, kind);
      // One dossier per payload: the values its rules share (parsed dates, remuneration periods) are computed once.
      avecDossier(payload, membresNonPrevus, () => {
        for (let i = 0; i < list.length; i++) {
          const rule = list[i]!;
          visit(rule, prefixer(checkRule(rule, payload, context), prefixe), at[i]!);
        }
      });
    },
    evaluate(body, kind, context) {
      const { payload, prefixe, membresNonPrevus } = aJuger(body, kind);
      return avecDossier(payload, membresNonPrevus, () =>
        rulesFor(kind).map((rule) => ({
          ruleId: rule.id,
          severity: rule.severity,
          area: rule.area,
          title: rule.title,
          requirements: rule.requirements,
          result: prefixer(checkRule(rule, payload, context), prefixe),
        })),
      );
    },
  };
}

let defaultEvaluator: Evaluator | undefined;

/**
 * Evaluates every rule applying to `kind` on `payload`. Rules not applying to the kind are not run (and not
 * listed). Without options the precomputed catalogue evaluator is reused.
 */
export function evaluate(
  payload: unknown,
  kind: PayloadKind,
  context: RuleContext = {},
  options?: EvaluateOptions,
): RuleEvaluation[] {
  if (options === undefined || (options.rules === undefined && options.only === undefined)) {
    defaultEvaluator ??= createEvaluator();
    return defaultEvaluator.evaluate(payload, kind, context);
  }
  return createEvaluator(options).evaluate(payload, kind, context);
}
