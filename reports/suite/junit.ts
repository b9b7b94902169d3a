// JUnit XML renderer (xmlbuilder2): one testsuite per area, one testcase per rule, the evidence in failure bodies.
import { create } from 'xmlbuilder2';
import type { ChecklistItemReport, RuleReport, SuiteReport } from './model.js';
import { byArea, evidenceText, evidenceSummary, exchangesText } from './common.js';
import { scrubReport } from './scrub.js';

// XML 1.0 cannot carry these even escaped; a target's response body may contain them.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const xml = (s: string): string => s.replace(XML_INVALID, '\uFFFD');

function counts(rules: readonly RuleReport[]) {
  const live = rules.filter((r) => r.waived === undefined);
  return {
    tests: String(rules.length),
    failures: String(live.filter((r) => r.outcome === 'fail').length),
    errors: String(live.filter((r) => r.outcome === 'error').length),
    skipped: String(rules.filter((r) => r.waived !== undefined || r.outcome === 'skip' || r.outcome === 'not-applicable').length),
  };
}

function details(rule: RuleReport): string {
  const parts = rule.evidence.map(evidenceText);
  if (rule.reason !== undefined) parts.unshift(rule.reason);
  return xml(parts.join('\n\n'));
}

function checklistCounts(items: readonly ChecklistItemReport[]) {
  return {
    tests: String(items.length),
    failures: String(items.filter((i) => i.outcome === 'fail').length),
    errors: '0',
    skipped: String(items.filter((i) => i.outcome === 'not-exercised').length),
  };
}

/** Rules and checklist items together, for the root element's totals. */
function totals(report: SuiteReport) {
  const r = counts(report.rules);
  const c = checklistCounts(report.checklist ?? []);
  const add = (a: string, b: string) => String(Number(a) + Number(b));
  return { tests: add(r.tests, c.tests), failures: add(r.failures, c.failures), errors: add(r.errors, c.errors), skipped: add(r.skipped, c.skipped) };
}

export const junit = (input: SuiteReport): string => {
  const report = scrubReport(input);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
    name: `${report.tool.name} test ${report.kind} ${report.target.url}`,
    time: (report.durationMs / 1000).toFixed(3),
    timestamp: report.startedAt,
    ...totals(report),
  });
  // The capability checklist first (cfa runs): one testcase per item, what CI dashboards show an editor.
  if (report.checklist !== undefined && report.checklist.length > 0) {
    const suite = root.ele('testsuite', { name: 'checklist', timestamp: report.startedAt, ...checklistCounts(report.checklist) });
    for (const item of report.checklist) {
      const testcase = suite.ele('testcase', { classname: xml(`checklist.${item.capability}`), name: xml(`${item.id} — ${item.title}`) });
      const where = exchangesText(item);
      if (item.outcome === 'fail') {
        testcase.ele('failure', { message: xml(item.reason ?? item.title), type: 'checklist' }).txt(xml([item.reason ?? '', where !== '' ? `exchanges: ${where}` : ''].filter((l) => l !== '').join('\n')));
      } else if (item.outcome === 'not-exercised') {
        testcase.ele('skipped', { message: xml(`not exercised${item.reason !== undefined ? `: ${item.reason}` : ''}`) });
      }
    }
  }
  for (const [area, rules] of byArea(report.rules)) {
    const suite = root.ele('testsuite', { name: xml(area), timestamp: report.startedAt, ...counts(rules) });
    for (const rule of rules) {
      const testcase = suite.ele('testcase', { classname: xml(area), name: xml(`${rule.ruleId} — ${rule.title}`) });
      testcase
        .ele('properties')
        .ele('property', { name: 'severity', value: rule.severity })
        .up()
        .ele('property', { name: 'requirements', value: xml(rule.requirements.join(' ')) })
        .up()
        .ele('property', { name: 'outcome', value: rule.outcome });
      const first = rule.evidence[0];
      if (rule.waived !== undefined) {
        testcase.ele('skipped', { message: xml(`waived (${rule.outcome}): ${rule.waived.reason}`) });
      } else if (rule.outcome === 'fail') {
        const message = first !== undefined && evidenceSummary(first) !== '' ? evidenceSummary(first) : rule.title;
        testcase.ele('failure', { message: xml(message), type: rule.severity }).txt(details(rule));
      } else if (rule.outcome === 'error') {
        testcase.ele('error', { message: xml(rule.reason ?? 'the rule could not run'), type: rule.severity }).txt(details(rule));
      } else if (rule.outcome === 'skip' || rule.outcome === 'not-applicable') {
        const word = rule.outcome === 'skip' ? 'not verified' : 'not applicable';
        testcase.ele('skipped', { message: xml(`${word}${rule.reason !== undefined ? `: ${rule.reason}` : ''}`) });
      }
    }
  }
  return root.end({ prettyPrint: true }) + '\n';
};
