// Wording shared by the reporters: how a record, a violation and a finding are referred to (never by personal data).
import type { Finding, RecordRef } from '../../conformance/engine/summary.js';
import type { Violation } from '../../conformance/rules/rule.js';

/** `file:line` (`stdin:line` for `-`, `line N` for records from memory), the location a user can jump to. */
export function location(record: RecordRef): string {
  if (record.file === '-') return `stdin:${record.line}`;
  if (record.file !== undefined) return `${record.file}:${record.line}`;
  return `line ${record.line}`;
}

/** `numeroInterne D-12` / `numeroInterneFacture F-3` / `numeroInterneDossier D-12`, or '' when the record has none. */
export function recordNumbers(record: RecordRef): string {
  const parts: string[] = [];
  if (record.numeroInterne !== undefined) parts.push(`numeroInterne ${record.numeroInterne}`);
  if (record.numeroInterneFacture !== undefined) parts.push(`numeroInterneFacture ${record.numeroInterneFacture}`);
  if (record.numeroInterneDossier !== undefined && record.numeroInterne === undefined) parts.push(`numeroInterneDossier ${record.numeroInterneDossier}`);
  return parts.join(', ');
}

/** `apprenti.nir: message (expected …, received …)`, or without the message `apprenti.nir: expected …, received …`. */
export function describeViolation(violation: Violation): string {
  const values = `expected ${violation.expected}, received ${violation.received}`;
  if (violation.message === undefined || violation.message === '') return `${violation.path}: ${values}`;
  return `${violation.path}: ${violation.message} (${values})`;
}

/** One line per violation, or the reason of an error. */
export function describeFinding(finding: Finding): string[] {
  if (finding.outcome === 'error') return [`rule error: ${finding.reason ?? 'unknown'}`];
  return finding.violations.map(describeViolation);
}

/** How many findings a rule had that the summary does not list. */
export function unlisted(counts: { fail: number; error: number }, listed: number): number {
  return counts.fail + counts.error - listed;
}
