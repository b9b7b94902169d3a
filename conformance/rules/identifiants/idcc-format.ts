// The employer's IDCC travels as 4 digits, left-padded with zeros (CONTRAT employeurSchema; norme.md §3.4).
import { isValidIdcc } from '../../identifiers/index.js';
import { defineRule, fail, pass } from '../rule.js';
import { avec, champs, cible, texte, verifierTextes } from './champs.js';

const CHAMPS_IDCC = champs('employeur.codeIdcc');

export default defineRule({
  id: 'idcc-format',
  title: 'Le code IDCC doit comporter 4 chiffres',
  requirements: ['ID-18'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const v = verifierTextes(cerfa, CHAMPS_IDCC, isValidIdcc, (c, r) => ({
      path: c.path,
      expected: '4 chiffres complétés à gauche par des zéros (9999 : aucune convention, 9998 : en cours de négociation)',
      received: String(r),
    }));
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    const c = cible('idcc-format', valid, CHAMPS_IDCC);
    // The unpadded form is the mistake a form field invites (0843 typed as 843).
    const idcc = texte(valid, c).replace(/^0+/, '');
    return { payload: avec(valid, c.path, idcc.length === 4 ? idcc.slice(0, 3) : idcc) };
  },
});
