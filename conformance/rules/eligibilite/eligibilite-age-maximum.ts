// L6222-1, L6222-2: the apprentice is at most 29 at the start, unless RQTH, business project, high-level athlete, or a successive contract (≤ 35).
import { defineRule, fail, pass, skip } from '../rule.js';
import { eligibiliteParams, valeurEnVigueur } from '../support/params.js';
import { factsOf, naissanceApprentiFuture, SKIP_NAISSANCE_FUTURE } from '../support/facts.js';
import { copie, date, fixerAgeApprenti } from '../support/plant.js';

const params = eligibiliteParams();

/**
 * Successions (21–23) may go up to the successive-contract limit. So may avenants (31–38): their start date is the
 * initial contract's and the CERFA does not say whether that contract was itself a succession, so the more
 * permissive limit is applied rather than refusing an eligible apprentice.
 */
function admisCommeSuccessif(type: number): boolean {
  return params.typesContratSuccessif.has(type) || params.typesAvenant.has(type);
}

export default defineRule<'cerfa'>({
  id: 'eligibilite-age-maximum',
  title: "L'apprenti doit avoir au plus 29 ans révolus au début du contrat, sauf cas d'exception prévus par la loi",
  requirements: ['ELIG-01', 'ELIG-03', 'ELIG-04', 'ELIG-05', 'ELIG-06', 'ELIG-21', 'ELIG-22', 'ELIG-23', 'ELIG-26'],
  severity: 'bloquant',
  area: 'eligibilite',
  appliesTo: ['cerfa'],
  check(cerfa, context) {
    const facts = factsOf(cerfa);
    if (naissanceApprentiFuture(facts, context)) return skip(SKIP_NAISSANCE_FUTURE);
    const age = facts.ageDebut;
    if (age === undefined) return skip('date de naissance ou de début de contrat illisible');
    const max = valeurEnVigueur(params.ageMaximum, facts.conclusion);
    if (age <= max) return pass();
    const a = cerfa.apprenti;
    if (a.handicap === true || a.projetCreationRepriseEntreprise === true || a.inscriptionSportifDeHautNiveau === true) return pass();
    const successif = admisCommeSuccessif(cerfa.contrat.typeContratApp);
    const maxSuccessif = valeurEnVigueur(params.ageMaximumContratSuccessif, facts.conclusion);
    if (successif && age <= maxSuccessif) return pass();
    return fail({
      path: 'apprenti.dateNaissance',
      expected: successif
        ? `au plus ${maxSuccessif} ans pour une succession de contrats ou un avenant (sans limite en cas de RQTH, de projet de création ou reprise d'entreprise, ou pour un sportif de haut niveau)`
        : `au plus ${max} ans révolus au début du contrat, sauf RQTH, projet de création ou reprise d'entreprise, sportif de haut niveau, ou succession de contrats (jusqu'à ${maxSuccessif} ans)`,
      received: `${age} ans au début du contrat, aucun cas d'exception déclaré`,
    });
  },
  plant(valid) {
    const cerfa = copie(valid);
    const conclusion = date(cerfa.contrat.dateConclusion, 'contrat.dateConclusion');
    cerfa.apprenti.handicap = false;
    cerfa.apprenti.projetCreationRepriseEntreprise = false;
    cerfa.apprenti.inscriptionSportifDeHautNiveau = false;
    const successif = admisCommeSuccessif(cerfa.contrat.typeContratApp);
    const limite = valeurEnVigueur(successif ? params.ageMaximumContratSuccessif : params.ageMaximum, conclusion);
    fixerAgeApprenti(cerfa, limite + 1);
    return { payload: cerfa };
  },
});
