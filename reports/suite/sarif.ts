// SARIF 2.1.0 renderer: the rules as driver metadata (French title, requirement ids), one result per finding or waiver.
import type { Severity } from '../../conformance/rules/rule.js';
import type { Evidence, RuleReport, SuiteReport } from './model.js';
import { bodyText, evidenceSummary } from './common.js';
import { scrubReport } from './scrub.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { bloquant: 'error', avertissement: 'warning', information: 'note' };

function evidenceProperties(ev: Evidence): Record<string, unknown> {
  const out: Record<string, unknown> = {
    scenario: ev.scenario,
    step: ev.step,
    request: { method: ev.request.method, url: ev.request.url, headers: ev.request.headers, body: bodyText(ev.request.body) },
    curl: ev.curl,
  };
  if (ev.response !== undefined) out.response = { status: ev.response.status, headers: ev.response.headers, body: bodyText(ev.response.body) };
  for (const key of ['expected', 'received', 'path', 'message', 'waited'] as const) if (ev[key] !== undefined) out[key] = ev[key];
  return out;
}

function result(rule: RuleReport, ruleIndex: number, targetUrl: string): object {
  const first = rule.evidence[0];
  const explanation = first !== undefined ? evidenceSummary(first) : '';
  const why = rule.outcome === 'error' ? `could not run: ${rule.reason ?? 'unknown'}` : explanation;
  const out: Record<string, unknown> = {
    ruleId: rule.ruleId,
    ruleIndex,
    level: LEVEL[rule.severity],
    kind: 'fail',
    message: { text: why !== '' ? `${rule.title}: ${why}` : rule.title },
    locations: [{ physicalLocation: { artifactLocation: { uri: first?.request.url ?? targetUrl } } }],
    relatedLocations: rule.evidence.map((ev, id) => ({
      id,
      physicalLocation: { artifactLocation: { uri: ev.request.url } },
      message: { text: `${ev.request.method} ${ev.request.url} → ${ev.response !== undefined ? `HTTP ${ev.response.status}` : 'no response'} (${ev.scenario} / ${ev.step})` },
    })),
    properties: { outcome: rule.outcome, evidence: rule.evidence.map(evidenceProperties), ...(rule.reason !== undefined ? { reason: rule.reason } : {}) },
  };
  // SARIF's own way to say "known and accepted": the result stays visible but does not count as open.
  if (rule.waived !== undefined) out.suppressions = [{ kind: 'external', status: 'accepted', justification: rule.waived.reason }];
  return out;
}

export function toSarif(input: SuiteReport): object {
  const report = scrubReport(input);
  const results = report.rules.flatMap((rule, i) => (rule.outcome === 'fail' || rule.outcome === 'error' ? [result(rule, i, report.target.url)] : []));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            rules: report.rules.map((rule) => ({
              id: rule.ruleId,
              shortDescription: { text: rule.title },
              defaultConfiguration: { level: LEVEL[rule.severity] },
              properties: { severity: rule.severity, area: rule.area, requirements: [...rule.requirements], outcome: rule.outcome },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: report.exitCode !== 2,
            exitCode: report.exitCode,
            startTimeUtc: report.startedAt,
            endTimeUtc: report.finishedAt,
          },
        ],
        originalUriBaseIds: { TARGET: { uri: report.target.url.endsWith('/') ? report.target.url : `${report.target.url}/` } },
        results,
        properties: { kind: report.kind, target: report.target, summary: report.summary, coverage: { verified: report.coverage.verified, total: report.coverage.total } },
      },
    ],
  };
}

export const sarif = (report: SuiteReport): string => JSON.stringify(toSarif(report), null, 2) + '\n';
