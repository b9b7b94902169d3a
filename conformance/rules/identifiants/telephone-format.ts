// Phone numbers are French (10 digits, or +33 and 9 digits) or international (+ and 8–15 digits) (control T1).
import { isValidTelephone, redact } from '../../identifiers/index.js';
import { defineRule, type Violation } from '../rule.js';
import { avec, controle, resultat } from '../support/champs.js';

const decrire = (path: string, r: unknown): Violation => ({
  path,
  expected: '10 chiffres commençant par 0, +33 suivi de 9 chiffres, ou + et 8 à 15 chiffres',
  received: typeof r === 'string' ? redact('telephone', r) : typeof r,
  message: 'Chiffres manquants pour que le numéro soit valide',
});

export default defineRule({
  id: 'telephone-format',
  title: 'Le numéro de téléphone doit être complet',
  requirements: ['ID-26'],
  severity: 'avertissement',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const v = controle(undefined, cerfa.employeur?.telephone, 'employeur.telephone', isValidTelephone, decrire);
    return resultat(controle(v, cerfa.apprenti?.telephone, 'apprenti.telephone', isValidTelephone, decrire));
  },
  plant(valid) {
    // Dropping the last two digits is control T1's "chiffres manquants" case.
    return { payload: avec(valid, 'employeur.telephone', valid.employeur.telephone.replace(/[ .]?[0-9]{2}$/, '')) };
  },
});
