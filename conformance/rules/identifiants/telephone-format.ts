// Phone numbers are French (10 digits, or +33 and 9 digits) or international (+ and 8–15 digits) (control T1).
import { isValidTelephone, redact } from '../../identifiers/index.js';
import { defineRule, fail, pass } from '../rule.js';
import { avec, verifierTextes } from './champs.js';
import { CHAMPS_TELEPHONE } from './chemins.js';

export default defineRule({
  id: 'telephone-format',
  title: 'Le numéro de téléphone doit être complet',
  requirements: ['ID-26'],
  severity: 'avertissement',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const v = verifierTextes(cerfa, CHAMPS_TELEPHONE, isValidTelephone, (c, r) => ({
      path: c.path,
      expected: '10 chiffres commençant par 0, +33 suivi de 9 chiffres, ou + et 8 à 15 chiffres',
      received: typeof r === 'string' ? redact('telephone', r) : typeof r,
      message: 'Chiffres manquants pour que le numéro soit valide',
    }));
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    // Dropping the last two digits is the "chiffres manquants" case of control T1.
    return { payload: avec(valid, 'employeur.telephone', valid.employeur.telephone.replace(/[ .]?[0-9]{2}$/, '')) };
  },
});
