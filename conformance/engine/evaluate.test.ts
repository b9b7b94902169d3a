// The engine runs only the rules of a kind, turns a throwing rule into an `error` outcome and redacts personal values.
import { describe, it, expect } from 'vitest';
import { defineRule, fail, pass, skip, type Rule } from '../rules/rule.js';
import { createEvaluator, evaluate, UnknownRuleError } from './evaluate.js';
import { catalogue } from '../rules/index.js';

const noPlant = <T>(payload: T) => ({ payload });

const nirRule = defineRule({
  id: 'test-nir-present',
  title: "Le NIR de l'apprenti est renseigné",
  requirements: [],
  severity: 'bloquant',
  area: 'test',
  appliesTo: ['cerfa'],
  check: (cerfa) =>
    cerfa.apprenti.nir.length === 15 ? pass() : fail({ path: 'apprenti.nir', expected: '15 caractères', received: cerfa.apprenti.nir }),
  plant: noPlant,
});
const throwing = defineRule({
  id: 'test-throws',
  title: 'Règle qui lève une exception',
  requirements: [],
  severity: 'avertissement',
  area: 'test',
  appliesTo: ['cerfa'],
  check: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'x')");
  },
  plant: noPlant,
});
const factureOnly = defineRule({
  id: 'test-facture-only',
  title: 'Règle des factures',
  requirements: ['FACT-01'],
  severity: 'information',
  area: 'test',
  appliesTo: ['facture'],
  check: () => skip('contexte absent'),
  plant: noPlant,
});
const garbage = defineRule({
  id: 'test-garbage',
  title: 'Règle au résultat invalide',
  requirements: [],
  severity: 'information',
  area: 'test',
  appliesTo: ['cerfa', 'facture'],
  check: () => ({ outcome: 'fail' }) as never,
  plant: noPlant,
});
const rules: Rule<any>[] = [nirRule, throwing, factureOnly, garbage];
const cerfa = { numeroInterne: 'D-1', apprenti: { nir: '1850575123456' }, contrat: {} };

describe('evaluate', () => {
  it('runs only the rules that apply to the kind, with their metadata', () => {
    const evaluations = evaluate(cerfa, 'cerfa', {}, { rules });
    expect(evaluations.map((e) => e.ruleId)).toEqual(['test-nir-present', 'test-throws', 'test-garbage']);
    expect(evaluations[0]).toMatchObject({ severity: 'bloquant', area: 'test', title: "Le NIR de l'apprenti est renseigné", requirements: [] });
    expect(evaluate({ lignes: [], numeroInterneFacture: 'F1' }, 'facture', {}, { rules }).map((e) => e.ruleId)).toEqual([
      'test-facture-only',
      'test-garbage',
    ]);
  });

  it('gives outcome error with the message when a rule throws, and keeps going', () => {
    const [, thrown, invalid] = evaluate(cerfa, 'cerfa', {}, { rules });
    expect(thrown!.result).toEqual({ outcome: 'error', reason: expect.stringContaining("Cannot read properties of undefined (reading 'x')") });
    expect(invalid!.result).toEqual({ outcome: 'error', reason: 'la règle a rendu un résultat invalide' });
  });

  it('redacts the received value of a personal path', () => {
    const [nir] = evaluate(cerfa, 'cerfa', {}, { rules });
    expect(nir!.result.outcome).toBe('fail');
    const violation = nir!.result.outcome === 'fail' ? nir!.result.violations[0]! : undefined;
    expect(violation?.received).not.toContain('850575123456');
    expect(violation?.received.startsWith('1')).toBe(true);
    expect(violation?.expected).toBe('15 caractères');
  });

  it('keeps only the rules named by `only`, and rejects unknown ids', () => {
    expect(evaluate(cerfa, 'cerfa', {}, { rules, only: ['test-throws'] }).map((e) => e.ruleId)).toEqual(['test-throws']);
    expect(() => createEvaluator({ rules, only: ['test-throws', 'no-such-rule'] })).toThrow(UnknownRuleError);
    expect(() => createEvaluator({ rules, only: ['no-such-rule'] })).toThrow(/no-such-rule/);
  });

  it('precomputes the rule list per kind', () => {
    const evaluator = createEvaluator({ rules });
    expect(evaluator.rulesFor('facture').map((r) => r.id)).toEqual(['test-facture-only', 'test-garbage']);
    expect(evaluator.rulesFor('convention')).toEqual([]);
    const seen: string[] = [];
    evaluator.run(cerfa, 'cerfa', {}, (rule, result) => seen.push(`${rule.id}:${result.outcome}`));
    expect(seen).toEqual(['test-nir-present:fail', 'test-throws:error', 'test-garbage:error']);
  });

  it('judges the wire body {"cerfa": …}: rules see the inner CERFA with plain dates, paths name the body\'s members', () => {
    const seen: unknown[] = [];
    const spy = defineRule({ ...nirRule, id: 'test-spy', check: (c) => (seen.push(c), nirRule.check(c, {})) });
    const body = { cerfa: { ...cerfa, contrat: { dateDebutContrat: '2026-09-01T00:00:00+00:00' } } };
    const [result] = evaluate(body, 'cerfa', {}, { rules: [spy] });
    expect(seen[0]).toMatchObject({ numeroInterne: 'D-1', contrat: { dateDebutContrat: '2026-09-01' } });
    expect(result!.result).toMatchObject({ outcome: 'fail', violations: [{ path: 'cerfa.apprenti.nir' }] });
    // A bare CERFA (a payload file) keeps paths relative to itself.
    expect(evaluate(cerfa, 'cerfa', {}, { rules: [nirRule] })[0]!.result).toMatchObject({ violations: [{ path: 'apprenti.nir' }] });
    const visited: string[] = [];
    createEvaluator({ rules: [nirRule] }).run(body, 'cerfa', {}, (_rule, r) => visited.push(r.outcome === 'fail' ? r.violations[0]!.path : r.outcome));
    expect(visited).toEqual(['cerfa.apprenti.nir']);
  });

  it('uses the whole catalogue by default', () => {
    expect(createEvaluator().rules).toBe(catalogue);
  });
});
