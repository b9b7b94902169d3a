// Custom function of `convergence-operation-security`: every operation needs the cfaKey scheme and the three
// identification headers EDITEUR, LOGICIEL, VERSION; only the norm's public operations may opt out with `security: []`.
import { isObject, isPublicOperation, operations } from '../lib/openapi.js';

const REQUIRED_SCHEME = 'cfaKey';
const REQUIRED_HEADERS = ['EDITEUR', 'LOGICIEL', 'VERSION'];

/**
 * Runs on the resolved document (`given: $`), so parameters written as `$ref` arrive inlined.
 * @param {unknown} root
 * @param {unknown} [options] `{ publicOperations: ['POST /oauth/token', …] }`
 * @returns {import('../lib/openapi.js').Finding[]}
 */
export default function operationSecurity(root, options) {
  /** @type {import('../lib/openapi.js').Finding[]} */
  const findings = [];
  const rootSecurity = isObject(root) ? root.security : undefined;
  for (const entry of operations(root)) {
    const { operation, pathItem, path, label } = entry;
    // The token endpoint and CfaDock's lookup (and only those) declare `security: []`: they come before any key.
    if (Array.isArray(operation.security) && operation.security.length === 0) {
      if (!isPublicOperation(entry, options)) {
        findings.push({
          message: `${label} opts out of security (security: []) but is not a public operation of the norm (the token endpoint, the CfaDock OPCO lookup).`,
          path: [...path, 'security'],
        });
      }
      continue;
    }

    const security = operation.security ?? rootSecurity;
    const securityPath = operation.security === undefined ? path : [...path, 'security'];
    if (!Array.isArray(security) || security.length === 0) {
      findings.push({ message: `${label} does not require the ${REQUIRED_SCHEME} scheme (no security requirement applies).`, path: securityPath });
    } else {
      security.forEach((requirement, i) => {
        if (isObject(requirement) && REQUIRED_SCHEME in requirement) return;
        const schemes = isObject(requirement) ? Object.keys(requirement).join(' + ') || 'none' : 'none';
        const at = operation.security === undefined ? path : [...path, 'security', i];
        findings.push({
          message: `${label} accepts a security requirement without ${REQUIRED_SCHEME} (${schemes}): ${REQUIRED_SCHEME} must be required by every alternative.`,
          path: at,
        });
      });
    }

    const parameters = [
      ...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []),
      ...(Array.isArray(operation.parameters) ? operation.parameters : []),
    ].filter(isObject);
    for (const header of REQUIRED_HEADERS) {
      // Header names are case-insensitive in HTTP; an operation-level parameter overrides the path-level one.
      const matches = parameters.filter((p) => p.in === 'header' && typeof p.name === 'string' && p.name.toUpperCase() === header);
      const parameter = matches[matches.length - 1];
      if (parameter === undefined) {
        findings.push({ message: `${label} does not declare the header parameter ${header} (#/components/parameters/${headerComponent(header)}).`, path });
      } else if (parameter.required !== true) {
        findings.push({ message: `${label}: header parameter ${header} must be required.`, path });
      }
    }
  }
  return findings;
}

/** @param {string} header */
function headerComponent(header) {
  return header.charAt(0) + header.slice(1).toLowerCase();
}
