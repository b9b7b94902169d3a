// Custom function of `convergence-error-body`: every 4xx response returns the shared error body
// `#/components/schemas/Erreurs`, written inline or through a shared response under `components/responses`.
import { isObject, operations, pointerToPath, refersToSchema, resolveLocalRef, singleRef } from '../lib/openapi.js';

const ERROR_SCHEMA = 'Erreurs';
const CLIENT_ERROR = /^4(\d\d|XX)$/i;

/**
 * Runs on the unresolved document (`resolved: false`) so that it can see which `$ref` each response uses.
 * A shared response that is wrong is reported once, where it is written, not once per operation using it.
 * External `$ref`s (another file) are not followed.
 * @param {unknown} root
 * @returns {import('../lib/openapi.js').Finding[]}
 */
export default function errorBody(root) {
  /** @type {import('../lib/openapi.js').Finding[]} */
  const findings = [];
  /** @type {Set<string>} */
  const reportedShared = new Set();
  for (const { operation, path, label } of operations(root)) {
    if (!isObject(operation.responses)) continue;
    for (const [status, written] of Object.entries(operation.responses)) {
      if (!CLIENT_ERROR.test(status)) continue;
      let response = written;
      /** @type {import('../lib/openapi.js').JsonPath} */
      let responsePath = [...path, 'responses', status];
      let where = `Response ${status} of ${label}`;
      for (let hops = 0; hops < 10 && isObject(response) && typeof response.$ref === 'string'; hops++) {
        const ref = response.$ref;
        const target = resolveLocalRef(root, ref);
        if (target === undefined) break;
        response = target;
        responsePath = pointerToPath(ref);
        where = `Shared response ${ref} (used by ${status} of ${label})`;
      }
      if (isObject(response) && typeof response.$ref === 'string') continue; // external or dangling: not ours
      const problem = describeProblem(response);
      if (problem === undefined) continue;
      const key = responsePath.join('\u0000');
      if (responsePath[0] !== 'paths') {
        if (reportedShared.has(key)) continue;
        reportedShared.add(key);
      }
      findings.push({ message: `${where} ${problem}`, path: responsePath });
    }
  }
  return findings;
}

/**
 * @param {unknown} response
 * @returns {string | undefined} what is wrong, or undefined when the response uses the shared error body
 */
function describeProblem(response) {
  if (!isObject(response) || !isObject(response.content) || Object.keys(response.content).length === 0) {
    return `has no content: it must return #/components/schemas/${ERROR_SCHEMA}.`;
  }
  const wrong = Object.entries(response.content)
    .filter(([, media]) => !(isObject(media) && refersToSchema(singleRef(media.schema), ERROR_SCHEMA)))
    .map(([mediaType]) => mediaType);
  if (wrong.length === 0) return undefined;
  return `does not use #/components/schemas/${ERROR_SCHEMA} for ${wrong.join(', ')}.`;
}
