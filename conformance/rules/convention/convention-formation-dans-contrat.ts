// The training sits in the contract window: starts within 3 months of the contract start, ends inside the contract, at most 3 months before its end.
import { addDays, addMonths, formatIsoDate } from '../../remuneration/calendar.js';
import { defineRule, notApplicable, verdict, type Violation } from '../rule.js';
import { copie, jour } from '../support/facturation.js';

/** The CERFA controls F1, F3 and D5 of the Mission apprentissage (research §3.2), applied to the convention [I]. */
export default defineRule<'convention'>({
  id: 'convention-formation-dans-contrat',
  title: 'Les dates de la formation doivent être cohérentes avec celles du contrat',
  requirements: ['CONV-04'],
  severity: 'avertissement',
  area: 'convention',
  appliesTo: ['convention'],
  check(convention) {
    const debutContrat = jour(convention.contrat?.dateDebutContrat);
    const finContrat = jour(convention.contrat?.dateFinContrat);
    const debutFormation = jour(convention.formation?.dateDebutFormation);
    const finFormation = jour(convention.formation?.dateFinFormation);
    if (debutContrat === undefined || finContrat === undefined || debutFormation === undefined || finFormation === undefined) {
      return notApplicable('dates illisibles (voir convention-dates-ordonnees)');
    }
    if (finContrat < debutContrat || finFormation < debutFormation) return notApplicable('dates non ordonnées (voir convention-dates-ordonnees)');
    const violations: Violation[] = [];
    const f = formatIsoDate;
    if (debutFormation < addMonths(debutContrat, -3) || debutFormation > addMonths(debutContrat, 3)) {
      violations.push({
        path: 'formation.dateDebutFormation',
        expected: `entre le ${f(addMonths(debutContrat, -3))} et le ${f(addMonths(debutContrat, 3))} (début du contrat ± 3 mois)`,
        received: f(debutFormation),
      });
    }
    if (finFormation < debutContrat || finFormation > finContrat) {
      violations.push({ path: 'formation.dateFinFormation', expected: `entre le ${f(debutContrat)} et le ${f(finContrat)} (durée du contrat)`, received: f(finFormation) });
    }
    if (finContrat > addMonths(finFormation, 3)) {
      violations.push({ path: 'contrat.dateFinContrat', expected: `au plus tard le ${f(addMonths(finFormation, 3))} (fin de formation + 3 mois)`, received: f(finContrat) });
    }
    return verdict(violations);
  },
  plant(valid) {
    // The training ends one day after the contract.
    const payload = copie(valid);
    const fin = jour(payload.contrat.dateFinContrat);
    if (fin === undefined) throw new Error('convention-formation-dans-contrat: unreadable dateFinContrat');
    payload.formation.dateFinFormation = formatIsoDate(addDays(fin, 1));
    return { payload };
  },
});
