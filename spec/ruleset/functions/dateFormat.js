// Custom function of `convergence-date-format`: properties named `date…` are strings with format date or date-time,
// so that validators and generated clients treat them as dates and not as free text.
import { deref, isObject, singleRef, walkProperties } from '../lib/openapi.js';

const DATE_NAME = /^date/i;
const DATE_FORMATS = ['date', 'date-time'];

/**
 * Runs on the unresolved document (`resolved: false`). A property written as a `$ref` is checked through the schema
 * it points to; an array of dates is checked through its items.
 * @param {unknown} root
 * @returns {import('../lib/openapi.js').Finding[]}
 */
export default function dateFormat(root) {
  /** @type {import('../lib/openapi.js').Finding[]} */
  const findings = [];
  walkProperties(root, (name, property, path, owner) => {
    if (!DATE_NAME.test(name)) return;
    let schema = effective(root, property);
    let subject = `Property "${name}" of ${owner}`;
    if (isObject(schema) && schema.type === 'array') {
      schema = effective(root, schema.items);
      subject = `Items of array property "${name}" of ${owner}`;
    }
    if (!isObject(schema) || typeof schema.$ref === 'string') return; // external ref: not ours to follow
    // A choice between date forms (`anyOf: [date, date-time]`, what real software sends) is a date too.
    const choice = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : undefined;
    if (choice !== undefined && choice.length > 0 && choice.every((branch) => isDateString(effective(root, branch), schema.type))) return;
    const type = schema.type;
    const format = schema.format;
    const isString = type === 'string' || (Array.isArray(type) && type.includes('string')); // 3.1: [string, 'null']
    if (isString && typeof format === 'string' && DATE_FORMATS.includes(format)) return;
    const found = [type === undefined ? 'no type' : `type ${JSON.stringify(type)}`, format === undefined ? 'no format' : `format ${JSON.stringify(format)}`];
    findings.push({
      message: `${subject} must be of type string with format date or date-time (found ${found.join(', ')}).`,
      path,
    });
  });
  return findings;
}

/**
 * A branch of a choice of date forms: a string (its own type, or the parent's) with format date or date-time.
 * @param {unknown} schema
 * @param {unknown} parentType
 * @returns {boolean}
 */
function isDateString(schema, parentType) {
  const type = isObject(schema) ? schema.type ?? parentType : undefined;
  const isString = type === 'string' || (Array.isArray(type) && type.includes('string'));
  return isObject(schema) && isString && typeof schema.format === 'string' && DATE_FORMATS.includes(schema.format);
}

/**
 * @param {unknown} root
 * @param {unknown} schema
 * @returns {unknown}
 */
function effective(root, schema) {
  const ref = singleRef(schema);
  if (ref === undefined) return schema;
  const target = deref(root, { $ref: ref });
  // allOf: [$ref] may add a format next to the ref; the local keywords win.
  if (isObject(schema) && isObject(target) && typeof schema.$ref !== 'string') return { ...target, ...withoutAllOf(schema) };
  return target;
}

/** @param {Record<string, unknown>} schema */
function withoutAllOf(schema) {
  const { allOf: _allOf, ...rest } = schema;
  return rest;
}
