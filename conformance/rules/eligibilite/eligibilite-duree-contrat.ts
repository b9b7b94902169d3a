// L6222-7-1: the contract lasts 6 months to 3 years (4 years with RQTH, longer with an extension or a prolongation).
import { defineRule, fail, pass, skip } from '../rule.js';
import { addDays, addMonths, daysBetween, wholeMonthsBetween } from '../../remuneration/calendar.js';
import { eligibiliteParams } from '../support/params.js';
import { factsOf } from '../support/facts.js';
import { fenetreContrat, SKIP_FENETRE } from '../support/window.js';
import { copie, date, finirRemunerationAuContrat, iso } from '../support/plant.js';

const params = eligibiliteParams();
/** Avenants that prolong the contract: 33 after an exam failure (L6222-11), 34 for an RQTH apprentice. */
const PROLONGATIONS = new Set([33, 34]);
const DEROGATION_ALLONGEMENT = 22;

export default defineRule<'cerfa'>({
  id: 'eligibilite-duree-contrat',
  title: 'La durée du contrat doit être comprise entre 6 mois et 3 ans (4 ans pour un apprenti reconnu travailleur handicapé)',
  requirements: ['ELIG-13', 'ELIG-14', 'ELIG-15', 'ELIG-16'],
  severity: 'avertissement',
  area: 'eligibilite',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const fenetre = fenetreContrat(factsOf(cerfa));
    if (!fenetre) return skip(SKIP_FENETRE);
    // The end date is the contract's last day: 2025-09-01 → 2027-08-31 lasts exactly 24 months.
    const lendemain = addDays(fenetre.fin, 1);
    const duree = (): string => {
      const mois = wholeMonthsBetween(fenetre.debut, lendemain);
      const jours = daysBetween(addMonths(fenetre.debut, mois), lendemain);
      return `${mois} mois${jours > 0 ? ` et ${jours} jours` : ''} (du ${iso(fenetre.debut)} au ${iso(fenetre.fin)})`;
    };
    if (lendemain < addMonths(fenetre.debut, params.dureeContratMinimumMois)) {
      return fail({ path: 'contrat.dateFinContrat', expected: `au moins ${params.dureeContratMinimumMois} mois`, received: duree(),
        message: 'La durée du contrat ne peut pas être inférieure à 6 mois' });
    }
    const rqth = cerfa.apprenti?.handicap === true;
    const max = rqth ? params.dureeContratMaximumMoisRQTH : params.dureeContratMaximumMois;
    const allonge = cerfa.contrat.typeDerogation === DEROGATION_ALLONGEMENT || PROLONGATIONS.has(cerfa.contrat.typeContratApp);
    if (lendemain <= addMonths(fenetre.debut, max) || allonge) return pass();
    return fail({
      path: 'contrat.dateFinContrat',
      expected: `au plus ${max} mois${rqth ? ' (RQTH)' : ''}, sauf dérogation 22 (allongement) ou avenant de prolongation (33, 34)`,
      received: duree(),
    });
  },
  plant(valid) {
    // A 5-month contract, with a training of 6 months starting 2 months before it, keeps every date rule true.
    const cerfa = copie(valid);
    const debut = date(cerfa.contrat.dateDebutContrat, 'contrat.dateDebutContrat');
    const fin = addDays(addMonths(debut, 5), -1);
    const debutFormation = addMonths(debut, -2);
    cerfa.contrat.dateFinContrat = iso(fin);
    finirRemunerationAuContrat(cerfa);
    cerfa.formation.dateFinFormation = iso(fin);
    cerfa.formation.dateDebutFormation = iso(debutFormation);
    if (date(cerfa.contrat.dateConclusion, 'contrat.dateConclusion') > debutFormation) cerfa.contrat.dateConclusion = iso(debutFormation);
    if (cerfa.contrat.dateFormationPratiqueEmployeur !== undefined) cerfa.contrat.dateFormationPratiqueEmployeur = iso(debut);
    const effet = cerfa.contrat.dateEffetAvenant;
    if (effet !== undefined && date(effet, 'contrat.dateEffetAvenant') > fin) cerfa.contrat.dateEffetAvenant = iso(fin);
    return { payload: cerfa };
  },
});
