// Markdown report for a pull request or a wiki page: verdict, per-rule table, first findings per rule.
import type { Reporter } from './types.js';
import { describeFinding, location, recordNumbers, unlisted } from './common.js';

/** Table cells and list items: no pipe, no line break, no HTML. */
const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');

export const markdown: Reporter = (summary) => {
  const out: string[] = [];
  out.push(`# Validation report — ${summary.conformant ? 'conformant' : 'not conformant'}`);
  out.push('');
  const notEvaluated = summary.rules.filter((r) => r.counts.skip > 0);
  if (notEvaluated.length > 0) {
    out.push(`> ${notEvaluated.length} rule${notEvaluated.length > 1 ? 's' : ''} not evaluated (what they needed was missing): ${notEvaluated.map((r) => `\`${r.id}\``).join(', ')}`);
    out.push('');
  }
  const kinds = Object.entries(summary.byKind)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  out.push(`- Tool: ${summary.tool.name} ${summary.tool.version}`);
  if (summary.inputs.length > 0) out.push(`- Inputs: ${summary.inputs.map((i) => `\`${cell(i)}\``).join(', ')}`);
  out.push(`- Records: ${summary.records}${kinds !== '' ? ` (${kinds})` : ''}`);
  out.push(`- Fail severity: ${summary.failSeverity}; findings at or above it: ${summary.totals.atOrAboveFailSeverity}`);
  out.push('');
  out.push('| Rule | Severity | Title | Pass | Fail | Skip | N/A | Error |');
  out.push('|---|---|---|---:|---:|---:|---:|---:|');
  for (const r of summary.rules) {
    const c = r.counts;
    out.push(`| \`${r.id}\` | ${r.severity} | ${cell(r.title)} | ${c.pass} | ${c.fail} | ${c.skip} | ${c.notApplicable} | ${c.error} |`);
  }
  const withFindings = summary.rules.filter((r) => r.findings.length > 0);
  if (withFindings.length > 0) {
    out.push('');
    out.push(`## Findings (first ${summary.maxFindings} per rule)`);
    for (const rule of withFindings) {
      out.push('');
      out.push(`### \`${rule.id}\` (${rule.severity})`);
      out.push('');
      out.push(cell(rule.title));
      out.push('');
      for (const finding of rule.findings) {
        const numbers = recordNumbers(finding.record);
        out.push(`- \`${cell(location(finding.record))}\`${numbers !== '' ? ` (${cell(numbers)})` : ''}: ${describeFinding(finding).map(cell).join('; ')}`);
      }
      const rest = unlisted(rule.counts, rule.findings.length);
      if (rest > 0) out.push(`- … and ${rest} more`);
    }
  }
  return out.join('\n') + '\n';
};
