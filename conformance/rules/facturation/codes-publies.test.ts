// One source for codes (issue 18 §5): every invoice rule refuses with a code the spec publishes, so an OPCO that follows the spec meets the suite's expectations.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { bundledSpecPath } from '../../../spec/load.js';
import { catalogue } from '../index.js';
import { ruleCode } from '../rule.js';

const spec = parse(readFileSync(bundledSpecPath(), 'utf8')) as { components: { responses: Record<string, Record<string, Record<string, unknown> | undefined>> } };
const rejet = spec.components.responses.FactureRejetee!;
const faq = Object.keys(rejet['x-motifs-rejet'] ?? {});
const complementaires = Object.keys(rejet['x-motifs-rejet-complementaires'] ?? {});

describe('invoice refusal codes', () => {
  it('are all published by the spec (the FAQ motives, then the complementary ones)', () => {
    const codes = catalogue.filter((r) => r.area === 'facturation').map((r) => ruleCode(r));
    expect(codes.filter((c) => !faq.includes(c) && !complementaires.includes(c))).toEqual([]);
  });

  it('keep the FAQ motives apart from the complementary ones, each published once', () => {
    expect(faq).toHaveLength(12);
    expect(complementaires.filter((c) => faq.includes(c))).toEqual([]);
    // The FAQ's motive 3 (plafond or montant engagé) is one code shared by the two rules that check it.
    const depassement = catalogue.filter((r) => r.area === 'facturation' && ruleCode(r) === 'FRAIS_ANNEXES_DEPASSEMENT').map((r) => r.id).sort();
    expect(depassement).toEqual(['facture-frais-annexes-montant-engage', 'facture-frais-annexes-plafond']);
  });

  it('are each used by a rule (nothing published that nothing refuses with)', () => {
    const used = new Set(catalogue.map((r) => ruleCode(r)));
    expect([...faq, ...complementaires].filter((c) => !used.has(c))).toEqual([]);
  });
});
