// A certificat de réalisation is signed once the period it attests is over, and not in the future.
import { addDays, formatIsoDate } from '../../remuneration/calendar.js';
import { defineRule, notApplicable, verdict, type Violation } from '../rule.js';
import { copie, jour } from '../support/facturation.js';

export default defineRule<'certificat'>({
  id: 'certificat-signature-apres-periode',
  title: 'Le certificat de réalisation doit être signé après la fin de la période réalisée',
  requirements: ['CERT-09'],
  severity: 'avertissement',
  area: 'certificat',
  appliesTo: ['certificat'],
  check(certificat, context) {
    const signature = jour(certificat.dateSignature);
    if (signature === undefined) return notApplicable('date de signature absente ou illisible');
    const violations: Violation[] = [];
    const fin = jour(certificat.echeance?.dateFin);
    if (fin !== undefined && signature < fin) {
      violations.push({ path: 'dateSignature', expected: `au plus tôt le ${formatIsoDate(fin)} (fin de la période réalisée)`, received: formatIsoDate(signature) });
    }
    const today = jour(context.today);
    if (today !== undefined && signature > today) {
      violations.push({ path: 'dateSignature', expected: `au plus tard le ${formatIsoDate(today)} (aujourd’hui)`, received: formatIsoDate(signature) });
    }
    return verdict(violations);
  },
  plant(valid) {
    const payload = copie(valid);
    const fin = jour(payload.echeance.dateFin);
    if (fin === undefined) throw new Error('certificat-signature-apres-periode: plant needs echeance.dateFin');
    payload.dateSignature = formatIsoDate(addDays(fin, -1));
    return { payload };
  },
});
