// The previous contract's number is a DECA number: département, year, month, NC or 2 digits, 4 digits (norme.md §3.4).
import { isValidNumeroDeca } from '../../identifiers/index.js';
import { defineRule, type Violation } from '../rule.js';
import { avec, controle, resultat } from '../support/champs.js';

const decrire = (path: string, r: unknown): Violation => ({
  path,
  expected: 'numéro DECA de 15 caractères : département (3), année (4), mois (2), NC ou 2 chiffres, 4 chiffres (ex. 02B202212000000)',
  received: String(r),
});

export default defineRule({
  id: 'numero-deca-format',
  title: 'Le numéro du contrat précédent doit être un numéro DECA valide',
  requirements: ['ID-23'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa) {
    return resultat(controle(undefined, cerfa.contrat?.numeroContratPrecedent, 'contrat.numeroContratPrecedent', isValidNumeroDeca, decrire));
  },
  plant(valid) {
    // Absent from a first contract: setting a malformed one breaks this rule only.
    return { payload: avec(valid, 'contrat.numeroContratPrecedent', '0752023NC1234') };
  },
});
