// The RNCP code is `RNCP` (optional) followed by 2 to 5 digits (flux-retour-cfas, CERFA-OLD; norme.md §3.4).
import { isValidRncp } from '../../identifiers/index.js';
import { defineRule, fail, pass } from '../rule.js';
import { avec, champs, cible, verifierTextes } from './champs.js';

const CHAMPS_RNCP = champs('formation.rncp');

export default defineRule({
  id: 'rncp-format',
  title: 'Le code RNCP doit être de la forme RNCP suivi de 2 à 5 chiffres',
  requirements: ['ID-14'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa', 'convention'],
  check(payload) {
    const v = verifierTextes(payload, CHAMPS_RNCP, isValidRncp, (c, r) => ({
      path: c.path,
      expected: 'RNCP suivi de 2 à 5 chiffres (préfixe facultatif)',
      received: String(r),
    }));
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    const c = cible('rncp-format', valid, CHAMPS_RNCP);
    return { payload: avec(valid, c.path, 'RNCP1') };
  },
});
