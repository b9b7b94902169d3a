// When given, the hours performed are a positive number.
import { defineRule, fail, pass } from '../rule.js';
import { copie, nombre } from '../support/facturation.js';

export default defineRule<'certificat'>({
  id: 'certificat-duree-positive',
  title: 'La durée réalisée du certificat doit être un nombre d’heures positif',
  requirements: ['CERT-05'],
  severity: 'bloquant',
  area: 'certificat',
  appliesTo: ['certificat'],
  check(certificat) {
    const duree = certificat.echeance?.duree;
    if (duree === undefined) return pass();
    const n = nombre(duree);
    if (n !== undefined && n > 0) return pass();
    return fail({ path: 'echeance.duree', expected: 'un nombre d’heures > 0', received: String(duree) });
  },
  plant(valid) {
    const payload = copie(valid);
    payload.echeance.duree = -7;
    return { payload };
  },
});
