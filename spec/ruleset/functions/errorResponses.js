// Custom function of `convergence-error-responses`: every operation declares its 400, and every operation that needs a
// key its 401, so clients know the error body they will read when a request or its credentials are refused.
import { isObject, isPublicOperation, operations } from '../lib/openapi.js';

/**
 * Runs on the unresolved document: a response written as `$ref` counts (its body is checked by convergence-error-body).
 * `4XX` covers both codes.
 * @param {unknown} root
 * @param {unknown} [options] `{ publicOperations: ['POST /oauth/token', …] }` (public operations need no 401)
 * @returns {import('../lib/openapi.js').Finding[]}
 */
export default function errorResponses(root, options) {
  /** @type {import('../lib/openapi.js').Finding[]} */
  const findings = [];
  for (const entry of operations(root)) {
    const responses = isObject(entry.operation.responses) ? entry.operation.responses : {};
    const declares = (/** @type {string} */ code) => code in responses || '4XX' in responses || '4xx' in responses;
    const wanted = isPublicOperation(entry, options) ? ['400'] : ['400', '401'];
    const missing = wanted.filter((code) => !declares(code));
    if (missing.length > 0) {
      findings.push({
        message: `${entry.label} does not declare its ${missing.join(' and ')} response${missing.length > 1 ? 's' : ''} (the norm's error body, #/components/schemas/Erreurs).`,
        path: [...entry.path, 'responses'],
      });
    }
  }
  return findings;
}
