// The generators against the whole rule catalogue: valid records fail no rule, and each rule's plant fails that rule only.
//
// N records per kind (300 by default; GENERATE_SEEDS=5000 for a long run, GENERATE_SEED to change the seed) must
// pass, skip or be not applicable for EVERY rule of their kind. Then, for every rule, its plant on generated records must make that rule fail and no
// other blocking rule fail (GENERATE_PLANTS records per rule, 20 by default).
import { describe, expect, it } from 'vitest';
import { checkRule } from '../engine/evaluate.js';
import type { PayloadKind } from '../model/payloads.js';
import { rulesFor } from '../rules/index.js';
import type { Rule, RuleContext } from '../rules/rule.js';
import { KINDS, generateRecord, plantRecord, type GeneratedRecord } from './index.js';

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, received ${raw}`);
  return n;
}

const N = positiveInt('GENERATE_SEEDS', 300);
const PLANTS = Math.min(N, positiveInt('GENERATE_PLANTS', 20));
const SEED = positiveInt('GENERATE_SEED', 20_251_123);

const records = new Map<string, GeneratedRecord[]>();
/** The N ordinary records of a kind, or their complete variants (every optional part present). */
function recordsOf(kind: PayloadKind, complet = false): GeneratedRecord[] {
  const key = `${kind}:${complet}`;
  let list = records.get(key);
  if (list === undefined) {
    list = Array.from({ length: N }, (_, i) => generateRecord(kind, SEED, i, { complet }));
    records.set(key, list);
  }
  return list;
}

/** A short, redacted description of a non-passing result, for failure messages. */
function describeResult(rule: Rule<any>, payload: unknown, context: RuleContext): string | undefined {
  const result = checkRule(rule, payload, context);
  if (result.outcome === 'fail') {
    return `${rule.id}: fail ${result.violations.map((v) => `${v.path} (expected ${v.expected}, received ${v.received})`).join('; ')}`;
  }
  if (result.outcome === 'error') return `${rule.id}: error ${result.reason}`;
  return undefined;
}

for (const kind of KINDS) {
  const rules = rulesFor(kind);

  describe(`valid ${kind} records pass every rule`, () => {
    it.runIf(rules.length === 0)(`(no rule applies to ${kind} yet)`, () => {
      expect(rules).toEqual([]);
    });
    for (const rule of rules) {
      it(rule.id, () => {
        const problems: string[] = [];
        for (const complet of [false, true]) {
          recordsOf(kind, complet).forEach((record, index) => {
            const problem = describeResult(rule, record.payload, record.context);
            if (problem !== undefined && problems.length < 5) problems.push(`#${index}${complet ? ' (complet)' : ''} ${problem}`);
          });
        }
        expect(problems.join('\n')).toBe('');
      });
    }
  });

  describe(`each rule's plant on ${kind} records fails that rule and no other blocking rule`, () => {
    for (const rule of rules) {
      it(rule.id, () => {
        const problems: string[] = [];
        for (const [index, record] of recordsOf(kind).slice(0, PLANTS).entries()) {
          let planted: GeneratedRecord;
          try {
            planted = plantRecord(rule, kind, record);
          } catch {
            // What `generate --invalid` does: plants needing an optional part go to the complete variant.
            try {
              planted = plantRecord(rule, kind, recordsOf(kind, true)[index]!);
            } catch (error) {
              problems.push(`#${index} plant threw, on the complete record too: ${error instanceof Error ? error.message : String(error)}`);
              continue;
            }
          }
          const own = checkRule(rule, planted.payload, planted.context);
          if (own.outcome !== 'fail') problems.push(`#${index} ${rule.id} itself: ${own.outcome}`);
          for (const other of rules) {
            if (other === rule || other.severity !== 'bloquant') continue;
            const problem = describeResult(other, planted.payload, planted.context);
            if (problem !== undefined) problems.push(`#${index} also ${problem}`);
          }
          if (problems.length >= 5) break;
        }
        expect(problems.join('\n')).toBe('');
      });
    }
  });
}
