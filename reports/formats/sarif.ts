// SARIF 2.1.0 report: the rules as driver metadata (French title as shortDescription), one result per listed finding.
import type { ValidationSummary } from '../../conformance/engine/summary.js';
import type { Severity } from '../../conformance/rules/rule.js';
import type { Reporter } from './types.js';
import { describeFinding, recordNumbers } from './common.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { bloquant: 'error', avertissement: 'warning', information: 'note' };

/** stdin has no file path: SARIF still needs a location, so it gets a conventional one. */
const artifactUri = (file: string | undefined): string => (file === undefined || file === '-' ? 'stdin' : file.split('\\').join('/'));

export function toSarif(summary: ValidationSummary): object {
  const index = new Map(summary.rules.map((rule, i) => [rule.id, i]));
  const results = summary.rules.flatMap((rule) =>
    rule.findings.map((finding) => {
      const numbers = recordNumbers(finding.record);
      const details = describeFinding(finding).join('; ');
      const properties: Record<string, unknown> = { kind: finding.record.kind, outcome: finding.outcome, recordIndex: finding.record.index };
      if (finding.record.numeroInterne !== undefined) properties.numeroInterne = finding.record.numeroInterne;
      if (finding.record.numeroInterneFacture !== undefined) properties.numeroInterneFacture = finding.record.numeroInterneFacture;
      if (finding.record.numeroInterneDossier !== undefined) properties.numeroInterneDossier = finding.record.numeroInterneDossier;
      return {
        ruleId: rule.id,
        ruleIndex: index.get(rule.id)!,
        level: LEVEL[rule.severity],
        message: { text: `${rule.title}${numbers !== '' ? ` [${numbers}]` : ''}: ${details}` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: artifactUri(finding.record.file) },
              region: { startLine: finding.record.line },
            },
          },
        ],
        properties,
      };
    }),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: summary.tool.name,
            version: summary.tool.version,
            rules: summary.rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.title },
              defaultConfiguration: { level: LEVEL[rule.severity] },
              properties: {
                severity: rule.severity,
                area: rule.area,
                requirements: [...rule.requirements],
                appliesTo: [...rule.appliesTo],
                counts: rule.counts,
              },
            })),
          },
        },
        results,
        properties: {
          records: summary.records,
          failSeverity: summary.failSeverity,
          maxFindingsPerRule: summary.maxFindings,
          conformant: summary.conformant,
        },
      },
    ],
  };
}

export const sarif: Reporter = (summary) => JSON.stringify(toSarif(summary), null, 2) + '\n';
