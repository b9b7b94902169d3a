// What the OPCO knows when it judges a generated payload: the RuleContext given to the rules with it.
import type { DossierLu } from '../model/dossier.js';
import type { RuleContext } from '../rules/rule.js';
import type { CerfaDraw } from './cerfa.js';

/**
 * RNCP codes the generated context declares inactive (the same samples as the mock's référentiel); no generated
 * certification uses them, so rules that read this list run (and pass) instead of skipping.
 */
export const RNCP_INACTIFS: readonly string[] = ['RNCP12345', 'RNCP24440'];

/** The context of a payload judged on `today`, for the dossier when the OPCO already holds it. */
export function baseContext(today: string, draw: CerfaDraw, dossier?: DossierLu): RuleContext {
  return {
    today,
    dossiers: dossier ? [dossier] : [],
    facturesConnues: [],
    siretsConnus: [draw.cfa.siret],
    siretCfa: draw.cfa.siret,
    rncpInactifs: [...RNCP_INACTIFS],
    // The mock's sample of certifications not open to apprenticeship (mocks/data/referentiel.yaml): none is drawn.
    rncpNonEligibles: ['RNCP99901', 'RNCP99902'],
  };
}
