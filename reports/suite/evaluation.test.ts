// The honest verdict: conformant only when the required share of the rules in the declared scope was evaluated.
import { describe, expect, it } from 'vitest';
import { assezEvalue, evaluationOf, type RuleReport } from './model.js';

const rule = (outcome: RuleReport['outcome'], waived = false): RuleReport => ({
  ruleId: `r-${Math.random()}`,
  title: 't',
  area: 'serveur',
  severity: 'bloquant',
  requirements: [],
  outcome,
  evidence: [],
  ...(waived ? { waived: { reason: 'dérogation' } } : {}),
});

describe('evaluationOf', () => {
  it('counts the rules in scope (not applicable ones out, waived ones in) and those evaluated', () => {
    const e = evaluationOf([rule('pass'), rule('fail', true), rule('skip'), rule('not-applicable'), rule('error')], 1);
    expect(e).toEqual({ inScope: 4, evaluated: 3, notEvaluated: 1, minimum: 1 });
  });

  it('is enough only when the required share was evaluated, and never when nothing is in scope', () => {
    expect(assezEvalue(evaluationOf([rule('pass'), rule('pass')], 1))).toBe(true);
    expect(assezEvalue(evaluationOf([rule('pass'), rule('skip')], 1))).toBe(false);
    expect(assezEvalue(evaluationOf([rule('pass'), rule('skip')], 0.5))).toBe(true);
    expect(assezEvalue(evaluationOf([rule('pass'), rule('skip'), rule('skip')], 0.5))).toBe(false);
    expect(assezEvalue(evaluationOf([rule('not-applicable')], 0))).toBe(false);
  });
});
