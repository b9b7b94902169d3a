// The previous contract's number is a DECA number: département, year, month, NC or 2 digits, 4 digits (norme.md §3.4).
import { isValidNumeroDeca } from '../../identifiers/index.js';
import { defineRule, fail, pass } from '../rule.js';
import { avec, champs, verifierTextes } from './champs.js';

const CHAMPS_DECA = champs('contrat.numeroContratPrecedent');

export default defineRule({
  id: 'numero-deca-format',
  title: 'Le numéro du contrat précédent doit être un numéro DECA valide',
  requirements: ['ID-23'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const v = verifierTextes(cerfa, CHAMPS_DECA, isValidNumeroDeca, (c, r) => ({
      path: c.path,
      expected: 'numéro DECA de 15 caractères : département (3), année (4), mois (2), NC ou 2 chiffres, 4 chiffres (ex. 02B202212000000)',
      received: String(r),
    }));
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    // Absent when the fixture is a first contract: setting a malformed one breaks only this rule.
    return { payload: avec(valid, 'contrat.numeroContratPrecedent', '0752023NC1234') };
  },
});
