// Transitional re-export for mocks/variants/variants.test.ts: the plant helpers now live in conformance/rules/support/plant.ts.
export { fixerAgeApprenti } from '../../support/plant.js';
