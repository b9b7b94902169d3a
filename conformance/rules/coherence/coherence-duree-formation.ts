// F2: the training's start precedes its end, and it lasts between 6 months and 4 years.
import { defineRule, fail, pass, skip } from '../rule.js';
import { addDays, addMonths, wholeMonthsBetween } from '../../remuneration/calendar.js';
import { factsOf } from '../support/facts.js';
import { copie, date, finirRemunerationAuContrat, iso } from '../support/plant.js';

export default defineRule<'cerfa'>({
  id: 'coherence-duree-formation',
  title: 'La formation doit durer entre 6 mois et 4 ans, sa date de début précédant sa date de fin',
  requirements: ['COH-09'],
  severity: 'bloquant',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const { debutFormation, finFormation } = factsOf(cerfa);
    if (debutFormation === undefined || finFormation === undefined) return skip('date de début ou de fin de formation illisible');
    if (debutFormation > finFormation) {
      return fail({
        path: 'formation.dateDebutFormation',
        expected: `au plus tard le ${iso(finFormation)} (fin de formation)`,
        received: iso(debutFormation),
        message: 'La date de début de formation théorique ne peut pas être postérieure à la date de fin de formation',
      });
    }
    const mois = wholeMonthsBetween(debutFormation, finFormation);
    if (mois >= 6 && mois <= 48) return pass();
    return fail({
      path: 'formation.dateFinFormation',
      expected: 'une durée de formation de 6 mois à 4 ans (48 mois)',
      received: `${mois} mois (du ${iso(debutFormation)} au ${iso(finFormation)})`,
      message: mois < 6 ? 'La durée de formation ne peut pas être inférieure à 6 mois' : 'La durée de formation ne peut pas être supérieure à 4 ans',
    });
  },
  plant(valid) {
    // Shrinks contract and training together (contract 8 months, training 5 months) so that the other date
    // rules, which bound the training by the contract, still hold.
    const cerfa = copie(valid);
    const debut = date(cerfa.contrat.dateDebutContrat, 'contrat.dateDebutContrat');
    const debutFormation = addMonths(debut, 2);
    const finFormation = addDays(addMonths(debutFormation, 6), -1);
    cerfa.formation.dateDebutFormation = iso(debutFormation);
    cerfa.formation.dateFinFormation = iso(finFormation);
    cerfa.contrat.dateFinContrat = iso(finFormation);
    finirRemunerationAuContrat(cerfa);
    const effet = cerfa.contrat.dateEffetAvenant;
    if (effet !== undefined && date(effet, 'contrat.dateEffetAvenant') > finFormation) cerfa.contrat.dateEffetAvenant = iso(finFormation);
    return { payload: cerfa };
  },
});
