// Coverage classifies each clause (verified / not tested / uncovered) and reports/coverage.md is kept up to date.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { buildCoverage, coverageReportPath, projectCoverageMarkdown, renderCoverageMarkdown } from './index.js';
import type { Requirement } from '../requirements/index.js';

const req = (id: string, file: string, nonTeste?: string): Requirement => ({
  id,
  file,
  source: { doc: 'faq-inter-opco', ref: 'Section | sous-section' },
  texte: `Texte de ${id}\nsur deux lignes`,
  niveau: 'obligatoire',
  confiance: 'confirmed',
  ...(nonTeste !== undefined ? { nonTeste } : {}),
});

const requirements = [req('A-01', 'a'), req('A-02', 'a', 'suite serveur'), req('A-03', 'a'), req('B-01', 'b', 'plus tard'), req('B-02', 'b')];
const rules = [
  { id: 'regle-un', requirements: ['A-01', 'B-01'] },
  { id: 'regle-deux', requirements: ['A-01', 'Z-99'] },
  { id: 'regle-sans-test', requirements: ['B-02'] },
];

describe('buildCoverage', () => {
  const coverage = buildCoverage(requirements, rules, ['regle-un', 'regle-deux']);
  const byId = Object.fromEntries(coverage.clauses.map((c) => [c.requirement.id, c]));

  it('classifies every clause', () => {
    expect(byId['A-01']).toMatchObject({ status: 'verified', rules: ['regle-un', 'regle-deux'], problems: [] });
    expect(byId['A-02']).toMatchObject({ status: 'not-tested', reason: 'suite serveur' });
    expect(byId['A-03']).toMatchObject({ status: 'uncovered', rules: [] });
    expect(coverage.totals).toEqual({ clauses: 5, verified: 2, notTested: 1, uncovered: 2 });
  });

  it('flags contradictions, untested citing rules and unknown citations', () => {
    expect(byId['B-01']!.problems).toEqual(['cited by a rule but marked nonTeste']);
    expect(byId['B-02']).toMatchObject({ status: 'uncovered', problems: ['cited by rules without a test: regle-sans-test'] });
    expect(coverage.unknownCitations).toEqual([{ ruleId: 'regle-deux', requirementId: 'Z-99' }]);
  });

  it('counts every rule as tested when no list is given', () => {
    expect(buildCoverage(requirements, rules).totals.verified).toBe(3);
  });
});

describe('renderCoverageMarkdown', () => {
  const markdown = renderCoverageMarkdown(buildCoverage(requirements, rules, ['regle-un', 'regle-deux']));

  it('states the totals and groups the clauses by file', () => {
    expect(markdown).toContain('**2 of 5 clauses verified** by at least one rule; 1 not tested (reason given); 2 uncovered.');
    expect(markdown).toContain('| [a](#a) | 3 | 1 | 1 | 1 |');
    expect(markdown.indexOf('## a')).toBeLessThan(markdown.indexOf('## b'));
    expect(markdown).toContain('| A-01 | obligatoire | confirmed | verified | `regle-un`, `regle-deux` | Texte de A-01 sur deux lignes | faq-inter-opco — Section \\| sous-section |');
    expect(markdown).toContain('| A-03 | obligatoire | confirmed | **UNCOVERED** | — |');
    expect(markdown).toContain('- `regle-deux` cites Z-99, defined nowhere');
  });
});

describe('reports/coverage.md', () => {
  it('is up to date with the requirement files and the catalogue', async () => {
    const expected = await projectCoverageMarkdown();
    const path = coverageReportPath();
    const actual = existsSync(path) ? readFileSync(path, 'utf8') : '';
    expect(actual === expected, 'reports/coverage.md is stale: run `npm run coverage:write` (node dist/conformance/coverage/write.js after npm run build)').toBe(true);
  });
});
