// The employer's IDCC travels as 4 digits, left-padded with zeros (CONTRAT employeurSchema; norme.md §3.4).
import { isValidIdcc } from '../../identifiers/index.js';
import { defineRule, type Violation } from '../rule.js';
import { avec, controle, resultat } from '../support/champs.js';

const decrire = (path: string, r: unknown): Violation => ({
  path,
  expected: '4 chiffres complétés à gauche par des zéros (9999 : aucune convention, 9998 : en cours de négociation)',
  received: String(r),
});

export default defineRule({
  id: 'idcc-format',
  title: 'Le code IDCC doit comporter 4 chiffres',
  requirements: ['ID-18'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa) {
    return resultat(controle(undefined, cerfa.employeur?.codeIdcc, 'employeur.codeIdcc', isValidIdcc, decrire));
  },
  plant(valid) {
    // The unpadded form (0843 sent as 843) is the mistake a numeric form field invites.
    return { payload: avec(valid, 'employeur.codeIdcc', String(Number(valid.employeur.codeIdcc) % 1000)) };
  },
});
