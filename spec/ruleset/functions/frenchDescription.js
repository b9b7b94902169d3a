// Custom function of `convergence-french-description`: every schema property is described, and every enum explains
// each of its values in `x-enum-descriptions` (the codes of the norm mean nothing to CFA staff without them).
import { deref, isNonEmptyString, isObject, schemaLabel, singleRef, walkProperties, walkSchemas } from '../lib/openapi.js';

/**
 * Runs on the unresolved document (`resolved: false`): each schema is checked once, where it is written.
 * A property that is only a `$ref` borrows the description of the schema it points to.
 * @param {unknown} root
 * @returns {import('../lib/openapi.js').Finding[]}
 */
export default function frenchDescription(root) {
  /** @type {import('../lib/openapi.js').Finding[]} */
  const findings = [];
  walkProperties(root, (name, property, path, owner) => {
    if (isObject(property) && isNonEmptyString(property.description)) {
      if (looksEnglish(String(property.description))) {
        findings.push({ message: `Property "${name}" of ${owner} has a description that reads as English, not French.`, path: [...path, 'description'] });
      }
      return;
    }
    if (isObject(property) && typeof property.description === 'string') {
      findings.push({ message: `Property "${name}" of ${owner} has a blank description.`, path });
      return;
    }
    const ref = singleRef(property);
    if (ref !== undefined) {
      const target = deref(root, { $ref: ref });
      if (isObject(target) && isNonEmptyString(target.description)) return;
      findings.push({ message: `Property "${name}" of ${owner} has no description (nor has the schema ${ref} it references).`, path });
      return;
    }
    findings.push({ message: `Property "${name}" of ${owner} has no description.`, path });
  });
  walkSchemas(root, (schema, path) => {
    if (!Array.isArray(schema.enum)) return;
    const where = enumLabel(root, path);
    const values = schema.enum.filter((v) => v !== null).map(String);
    const descriptions = schema['x-enum-descriptions'];
    if (!isObject(descriptions)) {
      findings.push({ message: `Enum of ${where} has no x-enum-descriptions (values: ${values.join(', ')}).`, path: [...path, 'enum'] });
      return;
    }
    const missing = values.filter((v) => !isNonEmptyString(descriptions[v]));
    if (missing.length > 0) {
      findings.push({
        message: `x-enum-descriptions of ${where} does not describe: ${missing.join(', ')}.`,
        path: [...path, 'x-enum-descriptions'],
      });
    }
  });
  return findings;
}

// A cheap language check: English function words and no French one. Technical English terms inside a French
// sentence ("jeton OAuth2 (access token) délivré par l'OPCO") do not trip it.
const ENGLISH_WORDS = new Set(['the', 'of', 'and', 'is', 'are', 'to', 'for', 'with', 'when', 'this', 'that', 'be', 'by', 'from', 'which', 'its']);
const FRENCH_WORDS = new Set(['le', 'la', 'les', 'de', 'des', 'du', 'et', 'est', 'un', 'une', 'pour', 'avec', 'dans', 'au', 'aux', 'sur', 'par', 'ou', 'que', 'qui', 'en', 'l', 'd']);

/** @param {string} text */
function looksEnglish(text) {
  const words = text.toLowerCase().split(/[^a-zà-ÿœæ]+/).filter(Boolean);
  const english = words.filter((w) => ENGLISH_WORDS.has(w)).length;
  return english >= 2 && !words.some((w) => FRENCH_WORDS.has(w));
}

/**
 * @param {unknown} root
 * @param {import('../lib/openapi.js').JsonPath} path
 * @returns {string}
 */
function enumLabel(root, path) {
  const n = path.length;
  if (n >= 2 && path[n - 2] === 'properties') return `property "${path[n - 1]}" of ${schemaLabel(root, path.slice(0, n - 2))}`;
  return schemaLabel(root, path);
}
