// Markdown renderer for a pull-request comment: verdict, counts, then each finding with its first evidence folded.
import type { ChecklistItemReport, Evidence, SuiteReport } from './model.js';
import { isFinding } from './model.js';
import { bodyText, byCapability, exchangesText, headersText, headline, humanDuration, isComplete } from './common.js';
import { scrubReport } from './scrub.js';

/** Inline text: no HTML, no table break, no line break. */
const inline = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, '\\`').replace(/\s*\r?\n\s*/g, ' ');

/** A code span: HTML is not interpreted there, only a backtick or a line break could break it. */
const code = (s: string): string => `\`${s.replace(/`/g, "'").replace(/\s*\r?\n\s*/g, ' ')}\``;

/** A fenced block that its content cannot close: the fence is longer than any backtick run inside. */
function fenced(content: string, lang = ''): string {
  const longest = Math.max(2, ...Array.from(content.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${content}\n${fence}`;
}

function exchange(ev: Evidence): string {
  const request = [`${ev.request.method} ${ev.request.url}`, headersText(ev.request.headers), '', bodyText(ev.request.body, 2000)].join('\n').trimEnd();
  const response =
    ev.response === undefined
      ? 'no response'
      : [`HTTP ${ev.response.status}`, headersText(ev.response.headers), '', bodyText(ev.response.body, 2000)].join('\n').trimEnd();
  return [
    '<details><summary>Request, response and curl</summary>',
    '',
    fenced(request, 'http'),
    '',
    fenced(response, 'http'),
    '',
    fenced(ev.curl, 'sh'),
    '',
    '</details>',
  ].join('\n');
}

const ITEM_MARK: Record<ChecklistItemReport['outcome'], string> = { pass: '✅ pass', fail: '❌ fail', 'not-exercised': '⏳ not exercised' };

/** The session judged (cfa runs): who, which software, how many requests, when. */
function sessionLines(session: NonNullable<SuiteReport['session']>): string[] {
  const editor = session.editor !== undefined ? `${inline(session.editor.editeur)} / ${inline(session.editor.logiciel)} ${inline(session.editor.version)}` : 'not sent';
  const lines = [
    '### Session',
    '',
    `- Session ${code(session.id)}, OPCO ${code(session.opco)}, CFA ${code(session.cfa)}${session.version !== undefined ? `, protocol ${code(session.version)}` : ''}`,
    `- Software: ${editor}`,
    `- Capabilities declared: ${session.capabilities.length > 0 ? session.capabilities.map(code).join(', ') : 'none'}`,
    `- ${session.requests} request(s)${session.firstAt !== undefined ? ` from ${code(session.firstAt)} to ${code(session.lastAt ?? session.firstAt)}` : ''}`,
  ];
  return lines;
}

/** One table per capability: item, outcome, why, which exchanges. */
function checklistLines(items: readonly ChecklistItemReport[]): string[] {
  const out = ['### Checklist'];
  for (const [capability, list] of byCapability(items)) {
    out.push('', `#### ${isComplete(list) ? '✅' : '❌'} ${inline(capability)}`, '', '| Item | Outcome | Reason | Exchanges |', '|---|---|---|---|');
    for (const item of list) {
      out.push(`| ${inline(item.title)} ${code(item.id)} | ${ITEM_MARK[item.outcome]} | ${inline(item.reason ?? '')} | ${exchangesText(item)} |`);
    }
  }
  return out;
}

export const markdown = (input: SuiteReport): string => {
  const report = scrubReport(input);
  const { summary: s, coverage } = report;
  const out: string[] = [];
  const head = headline(report);
  const verdict = `${head.ok === true ? '✅' : head.ok === false ? '❌' : '⚠️'} ${head.verdict}`;
  out.push(`## ${report.kind === 'cfa' ? head.title : `Conformance suite (${report.kind})`} — ${verdict}`);
  out.push('');
  out.push(
    `Target ${code(report.target.url)}${report.target.profile !== undefined ? ` (profile ${code(report.target.profile)})` : ''}, ` +
      `${report.tool.name} ${inline(report.tool.version)}, ${humanDuration(report.durationMs)}. ` +
      `Requirements: ${coverage.verified} of ${coverage.total} clauses verified.`,
  );
  out.push('');
  out.push('| Pass | Fail | Error | Skip | N/A | Waived | Blocking |');
  out.push('|---:|---:|---:|---:|---:|---:|---:|');
  out.push(`| ${s.pass} | ${s.fail} | ${s.error} | ${s.skip} | ${s.notApplicable} | ${s.waived} | **${s.blocking}** |`);
  const e = report.evaluation;
  if (e !== undefined) {
    out.push('', `Evaluated: **${e.evaluated} of ${e.inScope}** rules in the declared scope (${e.minimum < 1 ? `at least ${Math.round(e.minimum * 100)} %` : 'all'} required)${e.notEvaluated > 0 ? `; ${e.notEvaluated} not evaluated (skipped, see the rules below)` : ''}.`);
    const pending = report.scenarios.filter((sc) => sc.pending !== undefined);
    if (pending.length > 0) {
      out.push('', `Pending: **${pending.length}** scenario(s) wait for time (${e.pending ?? 0} rules): ${pending.map((sc) => `${code(sc.id)} at ${code(sc.pending!.step)}${sc.pending!.jusquau ? ` until ${sc.pending!.jusquau}` : ''}`).join(', ')}. Resume with \`convergence test opco --resume <run-dir>\`.`);
    }
  }
  if (report.session !== undefined) out.push('', ...sessionLines(report.session));
  if (report.checklist !== undefined && report.checklist.length > 0) out.push('', ...checklistLines(report.checklist));
  const findings = report.rules.filter(isFinding);
  if (findings.length > 0) {
    out.push('');
    out.push('### Findings');
    for (const rule of findings) {
      out.push('');
      out.push(`#### ${rule.outcome === 'fail' ? '❌' : '⚠️'} ${code(rule.ruleId)} — ${rule.severity}, ${inline(rule.area)}`);
      out.push('');
      out.push(inline(rule.title) + (rule.requirements.length > 0 ? ` (${rule.requirements.map(inline).join(', ')})` : ''));
      if (rule.reason !== undefined) out.push('', `Reason: ${inline(rule.reason)}`);
      const first = rule.evidence[0];
      if (first !== undefined) {
        out.push('');
        const values: string[] = [];
        if (first.message !== undefined) values.push(inline(first.message));
        if (first.expected !== undefined) values.push(`expected ${inline(first.expected)}`);
        if (first.received !== undefined) values.push(`received ${inline(first.received)}`);
        if (first.path !== undefined) values.push(`at ${code(first.path)}`);
        out.push(`- Scenario ${code(first.scenario)}, step ${code(first.step)}${first.waited === true ? ' (after waiting)' : ''}${values.length > 0 ? `: ${values.join(', ')}` : ''}`);
        if (rule.evidence.length > 1) out.push(`- … and ${rule.evidence.length - 1} more evidence item(s) in the HTML/JSON report`);
        out.push('');
        out.push(exchange(first));
      }
    }
  }
  const waived = report.rules.filter((r) => r.waived !== undefined);
  if (waived.length > 0) {
    out.push('');
    out.push('### Waived');
    out.push('');
    for (const rule of waived) out.push(`- ${code(rule.ruleId)} (${rule.outcome}): ${inline(rule.waived?.reason ?? '')}`);
  }
  return out.join('\n') + '\n';
};
