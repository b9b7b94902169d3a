// The summary counts every outcome per rule, keeps the first N findings and decides conformance by severity.
import { describe, it, expect } from 'vitest';
import { Summarizer, summarize, recordRef, hasFindingsAtOrAbove } from './summary.js';
import { atOrAbove, SEVERITIES } from './severity.js';
import type { RuleEvaluation } from './evaluate.js';
import type { RuleResult, Severity } from '../rules/rule.js';

const ev = (ruleId: string, severity: Severity, result: RuleResult): RuleEvaluation => ({
  ruleId,
  severity,
  area: 'test',
  title: `Titre ${ruleId}`,
  requirements: ['REQ-1'],
  result,
});
const failing: RuleResult = { outcome: 'fail', violations: [{ path: 'a', expected: '1', received: '2' }] };

describe('atOrAbove', () => {
  it('orders bloquant > avertissement > information', () => {
    expect(SEVERITIES).toEqual(['information', 'avertissement', 'bloquant']);
    expect(atOrAbove('bloquant', 'bloquant')).toBe(true);
    expect(atOrAbove('avertissement', 'bloquant')).toBe(false);
    expect(atOrAbove('avertissement', 'information')).toBe(true);
    expect(atOrAbove('information', 'avertissement')).toBe(false);
  });
});

describe('recordRef', () => {
  it('keeps position and the CFA numbers, nothing else', () => {
    const ref = recordRef({ numeroInterne: 'D-9', apprenti: { nom: 'Martin' } }, 'cerfa', { file: 'in.ndjson', line: 3, index: 2 });
    expect(ref).toEqual({ file: 'in.ndjson', line: 3, index: 2, kind: 'cerfa', numeroInterne: 'D-9' });
    // The wire body: the number inside `cerfa`, or beside it.
    expect(recordRef({ cerfa: { numeroInterne: 'D-8' } }, 'cerfa', { line: 1, index: 0 }).numeroInterne).toBe('D-8');
    expect(recordRef({ cerfa: {}, numeroInterne: 'D-7' }, 'cerfa', { line: 1, index: 0 }).numeroInterne).toBe('D-7');
    expect(recordRef({ numeroInterneFacture: 12, numeroInterneDossier: 'D-1' }, 'facture', { line: 1, index: 0 })).toEqual({
      line: 1,
      index: 0,
      kind: 'facture',
      numeroInterneFacture: '12',
      numeroInterneDossier: 'D-1',
    });
  });
});

describe('summarize', () => {
  const items = Array.from({ length: 30 }, (_, i) => ({
    record: recordRef({ numeroInterne: `D-${i}` }, 'cerfa', { line: i + 1, index: i }),
    evaluations: [
      ev('r-bloquant', 'bloquant', i % 10 === 0 ? failing : { outcome: 'pass' }),
      ev('r-avert', 'avertissement', i < 25 ? failing : { outcome: 'skip', reason: i % 2 ? 'pas de contexte' : 'pas de date' }),
      ev('r-info', 'information', i === 29 ? { outcome: 'error', reason: 'boom' } : { outcome: 'not-applicable', reason: 'sans objet' }),
    ],
  }));

  it('counts every outcome per rule and keeps the first N findings in order', () => {
    const summary = summarize(items, { maxFindings: 2, failSeverity: 'bloquant', inputs: ['a.ndjson'] });
    expect(summary.records).toBe(30);
    expect(summary.byKind).toEqual({ cerfa: 30, facture: 0, convention: 0, certificat: 0 });
    const [bloquant, avert, info] = summary.rules;
    expect(bloquant!.counts).toEqual({ pass: 27, fail: 3, skip: 0, notApplicable: 0, error: 0 });
    expect(bloquant!.findings.map((f) => f.record.line)).toEqual([1, 11]);
    expect(avert!.counts).toEqual({ pass: 0, fail: 25, skip: 5, notApplicable: 0, error: 0 });
    expect(avert!.skipReasons).toEqual(['pas de contexte', 'pas de date']);
    expect(info!.skipReasons).toEqual([]);
    expect(info!.counts).toEqual({ pass: 0, fail: 0, skip: 0, notApplicable: 29, error: 1 });
    expect(info!.findings).toEqual([expect.objectContaining({ outcome: 'error', reason: 'boom', ruleId: 'r-info' })]);
    expect(summary.totals).toEqual({ pass: 27, fail: 28, skip: 5, notApplicable: 29, error: 1, atOrAboveFailSeverity: 3 });
    expect(summary.conformant).toBe(false);
  });

  it('decides conformance by the fail severity, errors included', () => {
    const onlyWarnings = items.map(({ record, evaluations }) => ({ record, evaluations: evaluations.slice(1) }));
    expect(summarize(onlyWarnings, { failSeverity: 'bloquant' }).conformant).toBe(true);
    expect(summarize(onlyWarnings, { failSeverity: 'avertissement' }).totals.atOrAboveFailSeverity).toBe(25);
    const onlyInfo = items.map(({ record, evaluations }) => ({ record, evaluations: evaluations.slice(2) }));
    const summary = summarize(onlyInfo, { failSeverity: 'information' });
    expect(summary.conformant).toBe(false);
    expect(hasFindingsAtOrAbove(summary, 'information')).toBe(true);
    expect(hasFindingsAtOrAbove(summary, 'avertissement')).toBe(false);
  });

  it('lists rules in the catalogue order it was given', () => {
    const summarizer = new Summarizer([
      { id: 'second', appliesTo: ['cerfa'] },
      { id: 'first', appliesTo: ['cerfa'] },
    ] as never);
    const ref = recordRef({}, 'cerfa', { line: 1, index: 0 });
    summarizer.addEvaluations(ref, [ev('first', 'bloquant', { outcome: 'pass' }), ev('second', 'bloquant', { outcome: 'pass' })]);
    const summary = summarizer.finish();
    expect(summary.rules.map((r) => r.id)).toEqual(['second', 'first']);
    expect(summary.rules[0]!.appliesTo).toEqual(['cerfa']);
  });
});

describe('Summarizer.add by position', () => {
  it('counts through the position the evaluator gives, and by identity when the position names another rule', () => {
    const rules = [
      { id: 'r-a', title: 'A', severity: 'bloquant', area: 't', requirements: [], appliesTo: ['cerfa'] },
      { id: 'r-b', title: 'B', severity: 'bloquant', area: 't', requirements: [], appliesTo: ['cerfa'] },
    ] as const;
    const s = new Summarizer(rules as never);
    const ref = { line: 1, index: 0, kind: 'cerfa' } as const;
    s.add(ref, rules[0], { outcome: 'pass' }, 0);
    s.add(ref, rules[1], failing, 0); // wrong position: still counted for r-b
    s.add(ref, rules[1], { outcome: 'pass' });
    const out = s.finish();
    expect(out.rules.map((r) => [r.id, r.counts.pass, r.counts.fail])).toEqual([
      ['r-a', 1, 0],
      ['r-b', 1, 1],
    ]);
  });
});

describe('Summarizer.merge', () => {
  it('adds counts and keeps the first N findings in input order, whichever part saw them', () => {
    const ref = (index: number) => ({ line: index + 1, index, kind: 'cerfa' as const });
    const byIndex = (a: { index: number }, b: { index: number }) => a.index - b.index;
    const evens = new Summarizer([], { maxFindings: 3 });
    const odds = new Summarizer([], { maxFindings: 3 });
    for (let i = 0; i < 10; i++) {
      const part = i % 2 === 0 ? evens : odds;
      part.addEvaluations(ref(i), [ev('r', 'bloquant', i < 2 ? { outcome: 'pass' } : failing), ev('s', 'information', { outcome: 'skip', reason: `raison ${i % 3}` })]);
    }
    const whole = new Summarizer([], { maxFindings: 3 });
    whole.merge(odds.finish(), byIndex);
    whole.merge(evens.finish(), byIndex);
    const summary = whole.finish();
    expect(summary.records).toBe(10);
    const r = summary.rules.find((rule) => rule.id === 'r')!;
    expect(r.counts).toMatchObject({ pass: 2, fail: 8 });
    expect(r.findings.map((f) => f.record.index)).toEqual([2, 3, 4]);
    expect(summary.rules.find((rule) => rule.id === 's')!.skipReasons).toHaveLength(3);
    expect(summary.conformant).toBe(false);
  });
});
