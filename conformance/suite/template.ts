// Scenario templates: `{{…}}` expressions resolved against generated data and captured values, and JSON-path setters.
import { valueAt } from '../rules/serveur/support.js';

/** Resolves one expression (`capture.dossier.cerfa.numeroExterne`, `run.id`); the resolver handles the builders. */
export type Resolve = (expression: string) => unknown;

const WHOLE = /^\{\{\s*([^{}]+?)\s*\}\}$/;
const PART = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** A deep copy of `template` where `"{{x}}"` strings become the value of x and `"a{{x}}b"` strings are interpolated. */
export function render(template: unknown, resolve: Resolve): unknown {
  if (typeof template === 'string') {
    const whole = WHOLE.exec(template);
    if (whole) return structuredClone(resolve(whole[1]!));
    return template.replace(PART, (_m, expression: string) => {
      const value = resolve(expression);
      return typeof value === 'string' ? value : JSON.stringify(value);
    });
  }
  if (Array.isArray(template)) return template.map((item) => render(item, resolve));
  if (template !== null && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, render(v, resolve)]));
  }
  return template;
}

/** Reads `root.path` where root is a named value: `{ capture: {...} }` and `capture.dossier.cerfa.etat`. */
export function lookup(roots: Record<string, unknown>, expression: string): unknown {
  const [root = '', ...rest] = expression.split('.');
  if (!(root in roots)) throw new Error(`unknown template root '${root}' in {{${expression}}}`);
  const value = rest.length === 0 ? roots[root] : valueAt(roots[root], rest.join('.'));
  if (value === undefined) throw new Error(`{{${expression}}} has no value`);
  return value;
}

/** Sets `path` (dot notation with [i]) in a copy of `value`; a null value deletes the field. */
export function setAt<T>(value: T, path: string, next: unknown): T {
  const copy = structuredClone(value) as unknown;
  const parts = path.split(/\.|(?=\[)/).filter(Boolean).map((p) => (/^\[(\d+)\]$/.exec(p) ? Number(/^\[(\d+)\]$/.exec(p)![1]) : p));
  let current = copy as Record<string | number, unknown>;
  for (const [i, part] of parts.entries()) {
    if (i === parts.length - 1) {
      if (next === null && !Array.isArray(current)) delete current[part];
      else current[part] = next;
    } else {
      if (current[part] === undefined || current[part] === null) current[part] = typeof parts[i + 1] === 'number' ? [] : {};
      current = current[part] as Record<string | number, unknown>;
    }
  }
  return copy as T;
}
