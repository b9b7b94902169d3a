// The RNCP code is `RNCP` (optional) followed by 2 to 5 digits (flux-retour-cfas, CERFA-OLD; norme.md §3.4).
import { isValidRncp } from '../../identifiers/index.js';
import type { Cerfa, Convention } from '../../model/payloads.js';
import { defineRule, type Violation } from '../rule.js';
import { avec, controle, resultat } from '../support/champs.js';

const decrire = (path: string, r: unknown): Violation => ({
  path,
  expected: 'RNCP suivi de 2 à 5 chiffres (préfixe facultatif)',
  received: String(r),
});

export default defineRule({
  id: 'rncp-format',
  title: 'Le code RNCP doit être de la forme RNCP suivi de 2 à 5 chiffres',
  requirements: ['ID-14'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa', 'convention'],
  check(payload: Cerfa | Convention) {
    return resultat(controle(undefined, payload.formation?.rncp, 'formation.rncp', isValidRncp, decrire));
  },
  plant(valid) {
    return { payload: avec(valid, 'formation.rncp', 'RNCP1') };
  },
});
