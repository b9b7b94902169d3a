// A final certificat states the hours performed (echeance.duree): it closes the contract and releases the 10 % balance.
import { defineRule, fail, notApplicable, pass } from '../rule.js';
import { copie } from '../support/facturation.js';

export default defineRule<'certificat'>({
  id: 'certificat-final-duree',
  title: 'Le certificat de réalisation final doit indiquer la durée réalisée',
  requirements: ['CERT-04'],
  // Our inference: the façade marks the field optional.
  severity: 'avertissement',
  area: 'certificat',
  appliesTo: ['certificat'],
  check(certificat) {
    if (certificat.typeCertificat !== 'Final') return notApplicable('certificat intermédiaire');
    if (certificat.echeance?.duree !== undefined && certificat.echeance.duree !== null) return pass();
    return fail({ path: 'echeance.duree', expected: 'le nombre d’heures réalisées', received: 'absent' });
  },
  plant(valid) {
    const payload = copie(valid);
    payload.typeCertificat = 'Final';
    delete payload.echeance.duree;
    return { payload };
  },
});
