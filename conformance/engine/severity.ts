// Severity order of the rules (bloquant > avertissement > information), used by --fail-severity and the reporters.
import type { Severity } from '../rules/rule.js';

/** From the least to the most serious. */
export const SEVERITIES: readonly Severity[] = ['information', 'avertissement', 'bloquant'];

const RANK: Record<Severity, number> = { information: 0, avertissement: 1, bloquant: 2 };

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && Object.hasOwn(RANK, value);
}

/** True when `severity` is as serious as `threshold` or more: `atOrAbove('bloquant', 'avertissement')`. */
export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}

/** Sort comparator: most serious first. */
export function bySeverityDesc(a: Severity, b: Severity): number {
  return RANK[b] - RANK[a];
}
