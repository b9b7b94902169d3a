// The certificat names its échéance by a whole number from 1.
import { defineRule, fail, pass } from '../rule.js';
import { copie } from '../support/facturation.js';

export default defineRule<'certificat'>({
  id: 'certificat-numero-echeance-valide',
  title: 'Le numéro d’échéance du certificat doit être un entier supérieur ou égal à 1',
  requirements: ['CERT-02'],
  severity: 'bloquant',
  area: 'certificat',
  appliesTo: ['certificat'],
  check(certificat) {
    const numero = certificat.echeance?.numero;
    // Absent: certificat-champs-obligatoires.
    if (numero === undefined || (Number.isInteger(numero) && numero >= 1)) return pass();
    return fail({ path: 'echeance.numero', expected: 'un entier ≥ 1', received: String(numero) });
  },
  plant(valid) {
    const payload = copie(valid);
    payload.echeance.numero = 0;
    return { payload };
  },
});
