// The certificat's period is made of readable dates, its start not after its end.
import { addDays, formatIsoDate } from '../../remuneration/calendar.js';
import { defineRule, verdict, type Violation } from '../rule.js';
import { copie, jour } from '../support/facturation.js';

export default defineRule<'certificat'>({
  id: 'certificat-periode-ordonnee',
  title: 'La date de début de la période du certificat doit précéder sa date de fin',
  requirements: ['CERT-03'],
  severity: 'bloquant',
  area: 'certificat',
  appliesTo: ['certificat'],
  check(certificat) {
    const { dateDebut, dateFin } = certificat.echeance ?? {};
    const debut = jour(dateDebut);
    const fin = jour(dateFin);
    const violations: Violation[] = [];
    // Both dates are optional; given ones must be readable.
    if (dateDebut !== undefined && debut === undefined) violations.push({ path: 'echeance.dateDebut', expected: 'une date YYYY-MM-DD', received: String(dateDebut) });
    if (dateFin !== undefined && fin === undefined) violations.push({ path: 'echeance.dateFin', expected: 'une date YYYY-MM-DD', received: String(dateFin) });
    if (debut !== undefined && fin !== undefined && fin < debut) {
      violations.push({ path: 'echeance.dateFin', expected: `au plus tôt le ${formatIsoDate(debut)}`, received: formatIsoDate(fin) });
    }
    return verdict(violations);
  },
  plant(valid) {
    const payload = copie(valid);
    const fin = jour(payload.echeance.dateFin);
    if (fin === undefined) throw new Error('certificat-periode-ordonnee: plant needs echeance.dateFin');
    payload.echeance.dateDebut = formatIsoDate(addDays(fin, 1));
    return { payload };
  },
});
