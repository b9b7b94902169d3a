// Text report for a terminal: per-rule counts, then the first findings of each rule with file:line, then the verdict.
import pc from 'picocolors';
import type { ValidationSummary, RuleSummary } from '../../conformance/engine/summary.js';
import { atOrAbove, bySeverityDesc } from '../../conformance/engine/severity.js';
import type { Severity } from '../../conformance/rules/rule.js';
import type { Reporter } from './types.js';
import { describeFinding, location, recordNumbers, unlisted } from './common.js';

const MARK: Record<Severity, string> = { bloquant: '✖', avertissement: '▲', information: 'ℹ' };

function kindsLine(summary: ValidationSummary): string {
  const parts = Object.entries(summary.byKind)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${kind} ${n}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const text: Reporter = (summary, options = {}) => {
  const c = pc.createColors(options.color ?? false);
  const severityColor = (severity: Severity, s: string): string =>
    severity === 'bloquant' ? c.red(s) : severity === 'avertissement' ? c.yellow(s) : c.blue(s);
  const lines: string[] = [];
  const inputs = summary.inputs.length > 0 ? ` from ${summary.inputs.join(', ')}` : '';
  lines.push(c.bold(`${summary.tool.name} ${summary.tool.version} — ${plural(summary.records, 'record')}${kindsLine(summary)}${inputs}`));
  lines.push(`Fail severity: ${summary.failSeverity}`);
  lines.push('');

  if (summary.rules.length === 0) {
    lines.push('No rule ran (no record, or no selected rule applies to these records).');
  } else {
    const header = ['RULE', 'SEVERITY', 'PASS', 'FAIL', 'SKIP', 'N/A', 'ERROR'];
    const rows = summary.rules.map((r) => [
      r.id,
      r.severity,
      String(r.counts.pass),
      String(r.counts.fail),
      String(r.counts.skip),
      String(r.counts.notApplicable),
      String(r.counts.error),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const format = (row: string[]): string =>
      row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
    lines.push(c.dim(format(header)));
    summary.rules.forEach((rule, k) => {
      const row = format(rows[k]!);
      lines.push(rule.counts.fail + rule.counts.error > 0 ? severityColor(rule.severity, row) : row);
    });
  }

  const withFindings = summary.rules
    .filter((r) => r.counts.fail + r.counts.error > 0)
    .sort((a, b) => bySeverityDesc(a.severity, b.severity));
  if (withFindings.length > 0) {
    lines.push('');
    lines.push(c.bold(`Findings (first ${summary.maxFindings} per rule)`));
    for (const rule of withFindings) lines.push(...ruleFindings(rule, severityColor, c.dim));
  }

  const skipped = summary.rules.filter((r) => r.counts.skip > 0);
  if (skipped.length > 0) {
    lines.push('');
    lines.push(c.bold('Not verified (skip: what the rule needed was missing)'));
    for (const rule of skipped) {
      lines.push(`  ${rule.id}: ${plural(rule.counts.skip, 'record')} — ${rule.skipReasons.join(' | ')}`);
    }
  }

  lines.push('');
  const failing = summary.rules.filter((r) => atOrAbove(r.severity, summary.failSeverity) && r.counts.fail + r.counts.error > 0);
  if (summary.conformant) {
    const below = summary.totals.fail + summary.totals.error;
    const note = below > 0 ? ` (${plural(below, 'finding')} below ${summary.failSeverity})` : '';
    // A verdict with rules skipped for lack of context says so: "conformant" must not hide what was not checked.
    const notEvaluated = skipped.map((r) => r.id);
    const shown = notEvaluated.slice(0, 5).join(', ') + (notEvaluated.length > 5 ? ', …' : '');
    const unchecked = notEvaluated.length > 0 ? ` (${plural(notEvaluated.length, 'rule')} not evaluated: ${shown})` : '';
    lines.push(c.green(`Result: CONFORMANT${unchecked} — no finding at or above ${summary.failSeverity}${note}`));
  } else {
    lines.push(
      c.red(
        `Result: NOT CONFORMANT — ${plural(summary.totals.atOrAboveFailSeverity, 'finding')} at or above ${summary.failSeverity} in ${plural(failing.length, 'rule')}`,
      ),
    );
  }
  return lines.join('\n') + '\n';
};

function ruleFindings(rule: RuleSummary, severityColor: (s: Severity, t: string) => string, dim: (s: string) => string): string[] {
  const out = [`${severityColor(rule.severity, `${MARK[rule.severity]} ${rule.id}`)}  ${rule.severity}  ${rule.title}`];
  for (const finding of rule.findings) {
    const numbers = recordNumbers(finding.record);
    const where = `${location(finding.record)}${numbers !== '' ? ` (${numbers})` : ''}`;
    const details = describeFinding(finding);
    out.push(`    ${where}  ${details[0] ?? ''}`);
    for (const more of details.slice(1)) out.push(`    ${' '.repeat(where.length)}  ${more}`);
  }
  const rest = unlisted(rule.counts, rule.findings.length);
  if (rest > 0) out.push(dim(`    … and ${rest} more`));
  return out;
}
