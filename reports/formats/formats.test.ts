// Each reporter renders the fixture summary: counts, findings with their line, verdict, and its format's structure.
import { describe, it, expect } from 'vitest';
import { convert } from 'xmlbuilder2';
import { FORMATS, reporters, text, json, junit, sarif, markdown } from './index.js';
import { fixtureSummary, conformantSummary } from './fixtures/summary.js';

describe('text', () => {
  const out = text(fixtureSummary);

  it('prints the per-rule counts', () => {
    expect(out).toContain('4 records (cerfa 3, facture 1) from contrats.ndjson, -');
    expect(out).toMatch(/cerfa-nir-valide\s+bloquant\s+0\s+3\s+0\s+0\s+0/);
    expect(out).toMatch(/cerfa-age-apprenti\s+bloquant\s+3\s+0\s+0\s+0\s+0/);
  });

  it('lists the first findings with file:line and the CFA number, most serious first', () => {
    expect(out).toContain('contrats.ndjson:7 (numeroInterne D-003)  apprenti.nir: NIR manquant (expected 13 ou 15 caractères, received (absent))');
    expect(out).toContain('maitre1.nir: expected 13 ou 15 caractères, received 2 ** ** ** *** ***');
    expect(out).toContain('… and 1 more');
    expect(out).toContain("stdin:1 (numeroInterneFacture F-9)  rule error: la règle a levé une exception");
    expect(out.indexOf('✖ cerfa-nir-valide')).toBeLessThan(out.indexOf('▲ cerfa-courriel-valide'));
    expect(out).toContain('cerfa-doublon: 3 records — contexte sans dossiers');
  });

  it('ends with the verdict, and has no colour unless asked', () => {
    expect(out.trimEnd().split('\n').at(-1)).toBe('Result: NOT CONFORMANT — 4 findings at or above bloquant in 2 rules');
    expect(out).not.toContain('\u001b[');
    expect(text(fixtureSummary, { color: true })).toContain('\u001b[');
    expect(text(conformantSummary)).toContain('Result: CONFORMANT — no finding at or above bloquant');
  });

  it('names the rules not evaluated in a conformant verdict, so skipped rules are never mistaken for passed ones', () => {
    const skipped = {
      ...fixtureSummary,
      conformant: true,
      rules: fixtureSummary.rules.map((r) => ({ ...r, findings: [], counts: { ...r.counts, fail: 0, error: 0 } })),
      totals: { ...fixtureSummary.totals, fail: 0, error: 0, atOrAboveFailSeverity: 0 },
    };
    expect(text(skipped).trimEnd().split('\n').at(-1)).toBe('Result: CONFORMANT (1 rule not evaluated: cerfa-doublon) — no finding at or above bloquant');
  });
});

describe('json', () => {
  it('is the summary itself', () => {
    expect(JSON.parse(json(fixtureSummary))).toEqual(JSON.parse(JSON.stringify(fixtureSummary)));
  });
});

describe('junit', () => {
  const doc = convert(junit(fixtureSummary), { format: 'object' }) as any;
  const suites = [doc.testsuites.testsuite].flat();
  const cases = suites.flatMap((s: any) => [s.testcase].flat());

  it('has one testcase per rule, grouped by area', () => {
    expect(doc.testsuites['@tests']).toBe('5');
    expect(doc.testsuites['@failures']).toBe('2');
    expect(doc.testsuites['@errors']).toBe('1');
    expect(doc.testsuites['@skipped']).toBe('1');
    expect(suites.map((s: any) => s['@name'])).toEqual(['identifiants', 'facturation', 'cerfa', 'coherence', 'eligibilite']);
    expect(cases.map((c: any) => c['@name'].split(' — ')[0])).toEqual([
      'cerfa-nir-valide',
      'facture-total-egal-somme-lignes',
      'cerfa-courriel-valide',
      'cerfa-doublon',
      'cerfa-age-apprenti',
    ]);
  });

  it('marks failures, errors and skips with the findings in the body', () => {
    const [nir, total, , doublon, age] = cases;
    expect(nir.failure['@message']).toBe('3 of 3 records fail');
    expect(nir.failure['@type']).toBe('bloquant');
    expect(nir.failure['#']).toContain('contrats.ndjson:7 (numeroInterne D-003): apprenti.nir:');
    expect(nir.failure['#']).toContain('… and 1 more');
    expect(total.error['@message']).toBe('the rule could not run on 1 of 1 records');
    expect(doublon.skipped['@message']).toBe('not verified: contexte sans dossiers');
    expect(age.failure).toBeUndefined();
    expect(age.skipped).toBeUndefined();
  });
});

describe('sarif', () => {
  const log = JSON.parse(sarif(fixtureSummary));
  const run = log.runs[0];

  it('is SARIF 2.1.0 with the rules as driver metadata', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toContain('sarif-2.1.0');
    expect(run.tool.driver.name).toBe('convergence');
    expect(run.tool.driver.rules[0]).toMatchObject({
      id: 'cerfa-nir-valide',
      shortDescription: { text: "Le NIR de l'apprenti doit être valide" },
      defaultConfiguration: { level: 'error' },
      properties: { severity: 'bloquant', area: 'identifiants', requirements: ['ID-01'] },
    });
    expect(run.tool.driver.rules[0].helpUri).toBeUndefined();
    expect(run.tool.driver.rules[2].defaultConfiguration.level).toBe('warning');
  });

  it('has one result per listed finding with the line as region', () => {
    expect(run.results).toHaveLength(4);
    const second = run.results[1];
    expect(second).toMatchObject({
      ruleId: 'cerfa-nir-valide',
      ruleIndex: 0,
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'contrats.ndjson' }, region: { startLine: 7 } } }],
      properties: { numeroInterne: 'D-003', kind: 'cerfa' },
    });
    expect(second.message.text).toContain('[numeroInterne D-003]');
    expect(run.results[2].locations[0].physicalLocation.artifactLocation.uri).toBe('stdin');
    expect(run.results[3].level).toBe('warning');
  });
});

describe('markdown', () => {
  const out = markdown(fixtureSummary);

  it('renders the verdict, a table row per rule and escaped cells', () => {
    expect(out.startsWith('# Validation report — not conformant\n')).toBe(true);
    expect(out).toContain("| `cerfa-nir-valide` | bloquant | Le NIR de l'apprenti doit être valide | 0 | 3 | 0 | 0 | 0 |");
    expect(out).toContain('somme des lignes \\| lignes');
    expect(out).toContain('- `contrats.ndjson:7` (numeroInterne D-003): apprenti.nir: NIR manquant');
    expect(out).toContain('- … and 1 more');
  });
});

describe('reporters', () => {
  it('has one reporter per format, each a pure function of the summary', () => {
    expect(Object.keys(reporters).sort()).toEqual([...FORMATS].sort());
    for (const format of FORMATS) expect(reporters[format](fixtureSummary)).toBe(reporters[format](fixtureSummary));
  });
});
