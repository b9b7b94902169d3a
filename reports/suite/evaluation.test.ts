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

describe('a run that left scenarios pending', () => {
  it('counts the pending rules apart, and every format says what waits and how to resume', async () => {
    const { mixedReport } = await import('./fixtures/reports.js');
    const { validateSuiteReport } = await import('./schema.js');
    const { markdown: renderMarkdown } = await import('./markdown.js');
    const { html: renderHtml } = await import('./html.js');
    const waiting = { ...rule('skip'), pending: true as const };
    expect(evaluationOf([rule('pass'), waiting, rule('skip')], 1)).toEqual({ inScope: 3, evaluated: 1, notEvaluated: 2, pending: 1, minimum: 1 });
    const report = {
      ...mixedReport,
      evaluation: evaluationOf([rule('pass'), waiting], 1),
      scenarios: [{ id: 'facture-reglee', title: 'Facture réglée', outcome: 'skip' as const, durationMs: 5, steps: [], reason: 'en attente', pending: { step: 'attente-ouverture', depuis: '2026-12-06T09:00:00Z', jusquau: '2027-01-31' } }],
    };
    expect(validateSuiteReport(report)).toEqual([]);
    expect(renderMarkdown(report)).toMatch(/Pending: \*\*1\*\* scenario\(s\) wait for time \(1 rules\): `facture-reglee` at `attente-ouverture` until 2027-01-31/);
    expect(renderHtml(report)).toMatch(/<strong>Pending<\/strong> at step attente-ouverture until 2027-01-31/);
  });
});
