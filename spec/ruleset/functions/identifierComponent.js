// Custom function of `convergence-identifier-component`: identifier properties (SIRET, NIR, UAI, DECA number…)
// reuse the shared component that carries their pattern, instead of redefining it inline.
import { deref, isObject, refersToSchema, resolveLocalRef, singleRef, walkProperties } from '../lib/openapi.js';

/** Property name (lower-case) → the shared component under `#/components/schemas` it must use. */
export const IDENTIFIER_COMPONENTS = {
  siret: 'Siret',
  siretemployeur: 'Siret',
  siren: 'Siren',
  nir: 'Nir',
  uai: 'Uai',
  uaicfa: 'Uai',
  iban: 'Iban',
  rncp: 'Rncp',
  codediplome: 'CodeDiplome',
  naf: 'Naf',
  codeidcc: 'Idcc',
  numerodeca: 'NumeroDeca',
  nocontrat: 'NumeroDeca',
  numerocontratprecedent: 'NumeroDeca',
  codepostal: 'CodePostal',
  departement: 'Departement',
  departementnaissance: 'DepartementNaissance',
};

/**
 * Runs on the unresolved document (`resolved: false`), where `$ref`s are still visible.
 * Accepts `$ref: '#/components/schemas/X'` and `allOf: [{ $ref: ... }]` (which may carry a description).
 * @param {unknown} root
 * @returns {import('../lib/openapi.js').Finding[]}
 */
export default function identifierComponent(root) {
  /** @type {import('../lib/openapi.js').Finding[]} */
  const findings = [];
  /** @type {Set<string>} */
  const checkedComponents = new Set();
  walkProperties(root, (name, property, path, owner) => {
    const component = /** @type {Record<string, string>} */ (IDENTIFIER_COMPONENTS)[name.toLowerCase()];
    if (component === undefined) return;
    const expected = `#/components/schemas/${component}`;
    const ref = singleRef(property);
    if (ref === undefined) {
      findings.push({
        message: `Property "${name}" of ${owner} must use the shared component ${expected}: write $ref, or allOf holding that single $ref.`,
        path,
      });
      return;
    }
    if (!refersToSchema(ref, component)) {
      findings.push({ message: `Property "${name}" of ${owner} must reference ${expected}, not ${ref}.`, path });
      return;
    }
    // The shared component is what carries the pattern: check it once, where it is written.
    if (!ref.startsWith('#') || checkedComponents.has(component)) return;
    checkedComponents.add(component);
    const target = deref(root, resolveLocalRef(root, ref));
    if (isObject(target) && typeof target.pattern !== 'string') {
      findings.push({ message: `Shared identifier component ${component} has no pattern.`, path: ['components', 'schemas', component] });
    }
  });
  return findings;
}
