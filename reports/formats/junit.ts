// JUnit XML report (xmlbuilder2): one testsuite per area, one testcase per rule, failures listing the first findings.
import { create } from 'xmlbuilder2';
import type { RuleSummary } from '../../conformance/engine/summary.js';
import type { Reporter } from './types.js';
import { describeFinding, location, recordNumbers, unlisted } from './common.js';

function findingsText(rule: RuleSummary): string {
  const lines: string[] = [];
  for (const finding of rule.findings) {
    const numbers = recordNumbers(finding.record);
    for (const detail of describeFinding(finding)) lines.push(`${location(finding.record)}${numbers !== '' ? ` (${numbers})` : ''}: ${detail}`);
  }
  const rest = unlisted(rule.counts, rule.findings.length);
  if (rest > 0) lines.push(`… and ${rest} more finding(s) not listed`);
  return lines.join('\n');
}

export const junit: Reporter = (summary) => {
  const areas = new Map<string, RuleSummary[]>();
  for (const rule of summary.rules) {
    const list = areas.get(rule.area) ?? [];
    list.push(rule);
    areas.set(rule.area, list);
  }
  const count = (rules: RuleSummary[]) => ({
    tests: rules.length,
    failures: rules.filter((r) => r.counts.fail > 0).length,
    errors: rules.filter((r) => r.counts.fail === 0 && r.counts.error > 0).length,
    skipped: rules.filter((r) => r.counts.pass + r.counts.fail + r.counts.error === 0).length,
  });
  const all = count(summary.rules);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
    name: `${summary.tool.name} validate`,
    tests: String(all.tests),
    failures: String(all.failures),
    errors: String(all.errors),
    skipped: String(all.skipped),
  });
  for (const [area, rules] of areas) {
    const c = count(rules);
    const suite = root.ele('testsuite', {
      name: area,
      tests: String(c.tests),
      failures: String(c.failures),
      errors: String(c.errors),
      skipped: String(c.skipped),
    });
    for (const rule of rules) {
      const total = rule.counts.pass + rule.counts.fail + rule.counts.skip + rule.counts.notApplicable + rule.counts.error;
      const testcase = suite.ele('testcase', { classname: `${summary.tool.name}.${area}`, name: `${rule.id} — ${rule.title}` });
      testcase
        .ele('properties')
        .ele('property', { name: 'severity', value: rule.severity })
        .up()
        .ele('property', { name: 'requirements', value: rule.requirements.join(' ') })
        .up()
        .ele('property', {
          name: 'counts',
          value: `pass=${rule.counts.pass} fail=${rule.counts.fail} skip=${rule.counts.skip} not-applicable=${rule.counts.notApplicable} error=${rule.counts.error}`,
        });
      if (rule.counts.fail > 0) {
        const errors = rule.counts.error > 0 ? `, ${rule.counts.error} could not be checked` : '';
        testcase
          .ele('failure', { message: `${rule.counts.fail} of ${total} records fail${errors}`, type: rule.severity })
          .txt(findingsText(rule));
      } else if (rule.counts.error > 0) {
        testcase
          .ele('error', { message: `the rule could not run on ${rule.counts.error} of ${total} records`, type: rule.severity })
          .txt(findingsText(rule));
      } else if (rule.counts.pass === 0) {
        const message = rule.counts.skip > 0 ? `not verified: ${rule.skipReasons.join(' | ')}` : 'not applicable to these records';
        testcase.ele('skipped', { message });
      }
    }
  }
  return root.end({ prettyPrint: true }) + '\n';
};
