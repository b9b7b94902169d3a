// Requirement coverage: which rules verify each clause, which clauses are knowingly untested, which are uncovered.
import { join } from 'node:path';
import type { Rule } from '../rules/rule.js';
import { loadRequirements, packageRoot, type Requirement } from '../requirements/index.js';

export type ClauseStatus = 'verified' | 'not-tested' | 'uncovered';

export interface ClauseCoverage {
  requirement: Requirement;
  status: ClauseStatus;
  /** Ids of the (tested) rules citing the clause, in catalogue order. */
  rules: string[];
  /** The clause's `nonTeste` reason, when it is not verified. */
  reason?: string;
  /** Inconsistencies to fix: cited and marked nonTeste at once, or cited only by rules without a test. */
  problems: string[];
}

export interface Coverage {
  clauses: ClauseCoverage[];
  totals: { clauses: number; verified: number; notTested: number; uncovered: number };
  /** Rules citing a requirement id that no file defines. */
  unknownCitations: { ruleId: string; requirementId: string }[];
}

/**
 * Coverage of `requirements` by the rules of `catalogue`. With `testedRuleIds`, only those rules count as
 * verifying (a rule without a test proves nothing); without it, every rule counts (the catalogue test gives
 * every rule its good and bad case).
 */
export function buildCoverage(
  requirements: readonly Requirement[],
  catalogue: readonly Pick<Rule<any>, 'id' | 'requirements'>[],
  testedRuleIds?: Iterable<string>,
): Coverage {
  const tested = testedRuleIds === undefined ? undefined : new Set(testedRuleIds);
  const citing = new Map<string, { tested: string[]; untested: string[] }>();
  const known = new Set(requirements.map((r) => r.id));
  const unknownCitations: Coverage['unknownCitations'] = [];
  for (const rule of catalogue) {
    for (const requirementId of rule.requirements) {
      if (!known.has(requirementId)) {
        unknownCitations.push({ ruleId: rule.id, requirementId });
        continue;
      }
      const entry = citing.get(requirementId) ?? { tested: [], untested: [] };
      (tested === undefined || tested.has(rule.id) ? entry.tested : entry.untested).push(rule.id);
      citing.set(requirementId, entry);
    }
  }
  const clauses = requirements.map((requirement): ClauseCoverage => {
    const entry = citing.get(requirement.id) ?? { tested: [], untested: [] };
    const problems: string[] = [];
    if (entry.tested.length + entry.untested.length > 0 && requirement.nonTeste !== undefined) {
      problems.push('cited by a rule but marked nonTeste');
    }
    if (entry.untested.length > 0) problems.push(`cited by rules without a test: ${entry.untested.join(', ')}`);
    if (entry.tested.length > 0) return { requirement, status: 'verified', rules: entry.tested, problems };
    if (requirement.nonTeste !== undefined) return { requirement, status: 'not-tested', rules: [], reason: requirement.nonTeste, problems };
    return { requirement, status: 'uncovered', rules: [], problems };
  });
  const count = (status: ClauseStatus) => clauses.filter((c) => c.status === status).length;
  return {
    clauses,
    totals: { clauses: clauses.length, verified: count('verified'), notTested: count('not-tested'), uncovered: count('uncovered') },
    unknownCitations,
  };
}

/** Table cells: no pipe, no line break. */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\s*\r?\n\s*/g, ' ').trim();

const STATUS: Record<ClauseStatus, string> = { verified: 'verified', 'not-tested': 'not tested', uncovered: '**UNCOVERED**' };

/** The coverage report, grouped by requirement file; deterministic (no date), so a test can detect staleness. */
export function renderCoverageMarkdown(coverage: Coverage): string {
  const { totals } = coverage;
  const out: string[] = [];
  out.push('# Requirement coverage');
  out.push('');
  out.push(
    '<!-- Generated from conformance/requirements/*.yaml and the rule catalogue by `npm run coverage:write`; do not edit. -->',
  );
  out.push('');
  out.push(
    `**${totals.verified} of ${totals.clauses} clauses verified** by at least one rule; ` +
      `${totals.notTested} not tested (reason given); ${totals.uncovered} uncovered.`,
  );
  out.push('');
  const files = [...new Set(coverage.clauses.map((c) => c.requirement.file))];
  out.push('| File | Clauses | Verified | Not tested | Uncovered |');
  out.push('|---|---:|---:|---:|---:|');
  for (const file of files) {
    const clauses = coverage.clauses.filter((c) => c.requirement.file === file);
    const n = (status: ClauseStatus) => clauses.filter((c) => c.status === status).length;
    out.push(`| [${file}](#${file}) | ${clauses.length} | ${n('verified')} | ${n('not-tested')} | ${n('uncovered')} |`);
  }
  for (const file of files) {
    out.push('');
    out.push(`## ${file}`);
    out.push('');
    out.push(`Source: \`conformance/requirements/${file}.yaml\``);
    out.push('');
    out.push('| Id | Level | Confidence | Status | Rules / reason | Clause | Source |');
    out.push('|---|---|---|---|---|---|---|');
    for (const clause of coverage.clauses.filter((c) => c.requirement.file === file)) {
      const r = clause.requirement;
      const by = clause.rules.length > 0 ? clause.rules.map((id) => `\`${id}\``).join(', ') : (clause.reason ?? '—');
      const problems = clause.problems.length > 0 ? ` ⚠ ${clause.problems.join('; ')}` : '';
      const source = `${r.source.doc} — ${r.source.ref}${r.source.url !== undefined ? ` (${r.source.url})` : ''}`;
      out.push(`| ${r.id} | ${r.niveau} | ${r.confiance} | ${STATUS[clause.status]} | ${cell(by + problems)} | ${cell(r.texte)} | ${cell(source)} |`);
    }
  }
  if (coverage.unknownCitations.length > 0) {
    out.push('');
    out.push('## Citations of unknown requirements');
    out.push('');
    for (const { ruleId, requirementId } of coverage.unknownCitations) out.push(`- \`${ruleId}\` cites ${requirementId}, defined nowhere`);
  }
  return out.join('\n') + '\n';
}

/** Where the generated report lives. */
export const coverageReportPath = (): string => join(packageRoot(), 'reports', 'coverage.md');

/** The report for the project's own requirements and catalogue. */
export async function projectCoverageMarkdown(): Promise<string> {
  // Imported here so that buildCoverage/renderCoverageMarkdown stay usable without loading every rule.
  const { catalogue } = await import('../rules/index.js');
  return renderCoverageMarkdown(buildCoverage(loadRequirements(), catalogue));
}
