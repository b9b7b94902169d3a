// FAQ rejection 9: an échéance can be invoiced only from its opening date (dateOuverture ≤ today).
import { formatIsoDate, addDays } from '../../remuneration/calendar.js';
import { defineRule, skip, verdict, type Violation } from '../rule.js';
import { copie, jour, lignesConnues, premiereLigneConnue, SANS_DOSSIERS } from '../support/facturation.js';

export default defineRule<'facture'>({
  id: 'facture-echeance-ouverte',
  title: 'L’échéance n’est pas ouverte à la facturation',
  requirements: ['FACT-09'],
  severity: 'bloquant',
  area: 'facturation',
  appliesTo: ['facture'],
  code: 'ECHEANCE_NON_OUVERTE',
  check(facture, context) {
    if (!context.dossiers) return skip(SANS_DOSSIERS);
    const today = jour(context.today);
    if (today === undefined) return skip('contexte requis : la date du jour (context.today)');
    const violations: Violation[] = [];
    for (const { echeance, chemin } of lignesConnues(facture, context)) {
      const ouverture = jour(echeance?.dateOuverture);
      if (!echeance || ouverture === undefined || ouverture <= today) continue;
      violations.push({
        path: `${chemin}.numeroEcheance`,
        expected: `une échéance ouverte au ${formatIsoDate(today)}`,
        received: `échéance ${echeance.numero} ouverte à la facturation le ${formatIsoDate(ouverture)}`,
      });
    }
    return verdict(violations);
  },
  plant(valid, context) {
    // The same invoice sent the day before the échéance opens.
    const { echeance } = premiereLigneConnue(valid, context, 'facture-echeance-ouverte');
    const ouverture = jour(echeance.dateOuverture);
    if (ouverture === undefined) throw new Error('facture-echeance-ouverte: unreadable dateOuverture');
    return { payload: copie(valid), context: { ...context, today: formatIsoDate(addDays(ouverture, -1)) } };
  },
});
