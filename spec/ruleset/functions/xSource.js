// Custom function of `convergence-x-source`: every operation and every shared schema says where in the norm it
// comes from and how sure we are (`x-source: { section, confidence }`), so that readers can tell fact from inference.
import { isNonEmptyString, isObject, operations } from '../lib/openapi.js';

const CONFIDENCES = ['confirmed', 'secondary', 'inferred'];

/**
 * Runs on the unresolved document (`resolved: false`): `x-source` is checked where each item is written.
 * A shared schema that is only an alias (`$ref`) cannot carry extensions in OpenAPI 3.0 and is skipped.
 * @param {unknown} root
 * @returns {import('../lib/openapi.js').Finding[]}
 */
export default function xSource(root) {
  /** @type {import('../lib/openapi.js').Finding[]} */
  const findings = [];
  for (const { operation, path, label } of operations(root)) {
    check(operation, path, `Operation ${label}`, findings);
  }
  const schemas = isObject(root) && isObject(root.components) ? root.components.schemas : undefined;
  if (isObject(schemas)) {
    for (const [name, schema] of Object.entries(schemas)) {
      if (!isObject(schema) || typeof schema.$ref === 'string') continue;
      check(schema, ['components', 'schemas', name], `Schema ${name}`, findings);
    }
  }
  return findings;
}

/**
 * @param {Record<string, unknown>} item
 * @param {import('../lib/openapi.js').JsonPath} path
 * @param {string} label
 * @param {import('../lib/openapi.js').Finding[]} findings
 */
function check(item, path, label, findings) {
  const source = item['x-source'];
  if (!isObject(source)) {
    findings.push({ message: `${label} has no x-source { section, confidence }.`, path });
    return;
  }
  const at = [...path, 'x-source'];
  if (typeof source.section === 'number') {
    // YAML reads an unquoted 1.10 as the number 1.1: a section must be written as a string.
    findings.push({
      message: `x-source.section of ${label} is the number ${source.section}; quote it ("${source.section}") so that YAML keeps it as written.`,
      path: [...at, 'section'],
    });
  } else if (!isNonEmptyString(source.section)) {
    findings.push({ message: `x-source of ${label} has no section.`, path: at });
  }
  if (typeof source.confidence !== 'string' || !CONFIDENCES.includes(source.confidence)) {
    const found = source.confidence === undefined ? 'missing' : JSON.stringify(source.confidence);
    findings.push({
      message: `x-source.confidence of ${label} is ${found}; expected one of ${CONFIDENCES.join(', ')}.`,
      path: source.confidence === undefined ? at : [...at, 'confidence'],
    });
  }
}
