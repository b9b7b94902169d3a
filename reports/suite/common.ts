// Wording and grouping shared by the suite renderers: how an exchange, a body and an outcome are written as text.
import type { Outcome } from '../../conformance/rules/rule.js';
import type { ChecklistItemReport, Evidence, RuleReport, SuiteReport } from './model.js';

/** Display order of outcomes, findings first. */
export const OUTCOMES: readonly Outcome[] = ['fail', 'error', 'skip', 'not-applicable', 'pass'];

/** Bodies are JSON values or text; long ones are cut so a report stays readable (the JSON report keeps them whole). */
export function bodyText(body: unknown, max = 4000): string {
  if (body === undefined) return '';
  const text = typeof body === 'string' ? body : JSON.stringify(body, null, 2);
  return text.length > max ? `${text.slice(0, max)}\n… (${text.length - max} more characters)` : text;
}

export function headersText(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

/** The rule's status word as a report shows it: its outcome, or `waived`. */
export function status(rule: Pick<RuleReport, 'outcome' | 'waived'>): Outcome | 'waived' {
  return rule.waived !== undefined ? 'waived' : rule.outcome;
}

/** `expected …, received … at path`, plus the message; the one-paragraph explanation of a finding. */
export function evidenceSummary(ev: Evidence): string {
  const parts: string[] = [];
  if (ev.message !== undefined && ev.message !== '') parts.push(ev.message);
  const values: string[] = [];
  if (ev.expected !== undefined) values.push(`expected ${ev.expected}`);
  if (ev.received !== undefined) values.push(`received ${ev.received}`);
  if (values.length > 0) parts.push(values.join(', ') + (ev.path !== undefined ? ` at ${ev.path}` : ''));
  else if (ev.path !== undefined) parts.push(`at ${ev.path}`);
  return parts.join(' — ');
}

/** The whole evidence as plain text (JUnit bodies, SARIF properties). */
export function evidenceText(ev: Evidence): string {
  const lines: string[] = [`[${ev.scenario}] ${ev.step}${ev.waited === true ? ' (after waiting for processing)' : ''}`];
  const summary = evidenceSummary(ev);
  if (summary !== '') lines.push(summary);
  lines.push(`> ${ev.request.method} ${ev.request.url}`);
  if (ev.request.body !== undefined) lines.push(bodyText(ev.request.body, 1500));
  if (ev.response !== undefined) {
    lines.push(`< HTTP ${ev.response.status}`);
    if (ev.response.body !== undefined) lines.push(bodyText(ev.response.body, 1500));
  } else {
    lines.push('< no response');
  }
  lines.push(`reproduce: ${ev.curl}`);
  return lines.join('\n');
}

/** Rules grouped by area, areas in order of first appearance (the producer's catalogue order). */
export function byArea(rules: readonly RuleReport[]): Map<string, RuleReport[]> {
  const areas = new Map<string, RuleReport[]>();
  for (const rule of rules) {
    const list = areas.get(rule.area) ?? [];
    list.push(rule);
    areas.set(rule.area, list);
  }
  return areas;
}

/** Checklist items grouped by capability, capabilities in order of first appearance (declared ones, then `protocole`). */
export function byCapability(items: readonly ChecklistItemReport[]): Map<string, ChecklistItemReport[]> {
  const groups = new Map<string, ChecklistItemReport[]>();
  for (const item of items) groups.set(item.capability, [...(groups.get(item.capability) ?? []), item]);
  return groups;
}

/** A capability is complete when every one of its items passed. */
export const isComplete = (items: readonly ChecklistItemReport[]): boolean => items.every((i) => i.outcome === 'pass');

/** `#3, #5`: the exchanges an item points to, by sequence number. */
export const exchangesText = (item: Pick<ChecklistItemReport, 'exchanges'>): string => (item.exchanges ?? []).map((n) => `#${n}`).join(', ');

/**
 * The report's heading and verdict in the words of its kind: an OPCO's server is conformant or not; a CFA's
 * software, judged over a session, is certified or not.
 */
export function headline(report: Pick<SuiteReport, 'kind' | 'exitCode' | 'target' | 'session'>): { title: string; verdict: string; ok: boolean | undefined } {
  const ok = report.exitCode === 0 ? true : report.exitCode === 1 ? false : undefined;
  if (report.kind === 'cfa') {
    return {
      title: `CFA certification${report.session ? ` — session ${report.session.id}` : ''}`,
      verdict: ok === true ? 'certified' : ok === false ? 'not certified' : 'run error',
      ok,
    };
  }
  return { title: `Conformance suite (opco) — ${report.target.url}`, verdict: ok === true ? 'conformant' : ok === false ? 'not conformant' : 'run error', ok };
}

/** A run's length for people: `1.4 s`, `12 min 5 s`, `3 h 12 min`, `5 d 3 h` (a certification session may span days). */
export function humanDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  const [d, h, m, sec] = [Math.floor(s / 86_400), Math.floor((s % 86_400) / 3600), Math.floor((s % 3600) / 60), s % 60];
  if (d > 0) return `${d} d${h > 0 ? ` ${h} h` : ''}`;
  if (h > 0) return `${h} h${m > 0 ? ` ${m} min` : ''}`;
  return `${m} min${sec > 0 ? ` ${sec} s` : ''}`;
}

