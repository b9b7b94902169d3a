// D6222-1-1: past 29, a successive contract is concluded at most a year after the previous one ended (ELIG-19).
//
// What can be checked: the CERFA carries only the previous contract's DECA number (contrat.numeroContratPrecedent),
// never its dates. The OPCO knows them when it holds that contract: the rule reads it in RuleContext.dossiers (the
// mock gives the apprentice's earlier dossiers, by DECA number or NIR); without it the rule skips.
import { formatIsoDate, parseIsoDate } from '../../remuneration/calendar.js';
import { defineRule, fail, notApplicable, pass, skip } from '../rule.js';
import { factsOf } from '../support/facts.js';
import { eligibiliteParams, valeurEnVigueur } from '../support/params.js';
import { copie, date, fixerAgeApprenti } from '../support/plant.js';
import { enContratInitial } from '../support/avenant.js';
import {
  anneesPourDepasser,
  contratPrecedent,
  decalerContrat,
  delaiContratSuccessifMois,
  dossierPrecedent,
  finContrat,
  horsExceptionSuccessif,
  limiteApres,
  precedentDuContexte,
} from './contrat-precedent.js';

const params = eligibiliteParams();

export default defineRule<'cerfa'>({
  id: 'eligibilite-contrat-successif-delai',
  title: "Au-delà de 29 ans, un contrat successif doit être conclu au plus tard un an après la fin du contrat précédent",
  requirements: ['ELIG-19'],
  severity: 'bloquant',
  area: 'eligibilite',
  appliesTo: ['cerfa'],
  check(cerfa, context) {
    const hors = horsExceptionSuccessif(cerfa);
    if (hors) return hors.skip ? skip(hors.raison) : notApplicable(hors.raison);
    const conclusion = factsOf(cerfa).conclusion!;
    if (!context.dossiers) return skip("dossiers de l'OPCO non fournis (contexte sans dossiers) : dates du contrat précédent inconnues");
    const precedent = contratPrecedent(cerfa, context.dossiers);
    if (!precedent) return skip("contrat précédent inconnu de l'OPCO (ni numéro DECA ni NIR retrouvé)");
    const fin = finContrat(precedent);
    if (!fin) return skip('date de fin du contrat précédent illisible');
    const limite = limiteApres(fin.fin, delaiContratSuccessifMois());
    if (conclusion <= limite) return pass();
    const numero = precedent.cerfa.numeroDeca ? ` ${precedent.cerfa.numeroDeca}` : '';
    return fail({
      path: 'contrat.dateConclusion',
      expected: `au plus tard le ${formatIsoDate(limite)} (${delaiContratSuccessifMois()} mois après ${fin.rompu ? 'la rupture' : 'la fin'} du contrat précédent${numero}, le ${formatIsoDate(fin.fin)})`,
      received: formatIsoDate(conclusion),
      message: "Le contrat successif est conclu plus d'un an après la fin du contrat précédent : l'exception à la limite d'âge ne s'applique pas",
    });
  },
  plant(valid, context) {
    const cerfa = copie(valid);
    enContratInitial(cerfa);
    cerfa.apprenti.handicap = false;
    cerfa.apprenti.projetCreationRepriseEntreprise = false;
    cerfa.apprenti.inscriptionSportifDeHautNiveau = false;
    // Another employer: the pay rule of a contract with the same employer (REM-12) stays out of it.
    cerfa.contrat.typeContratApp = 22;
    const age = (conclusion: string) => valeurEnVigueur(params.ageMaximum, parseIsoDate(conclusion)) + 2;
    const tenu = precedentDuContexte(context.dossiers, valid.numeroInterne);
    if (tenu) {
      // The OPCO already holds a contract (a dossier the suite deposited): the new one is concluded long after it ended.
      const limite = limiteApres(finContrat(tenu)!.fin, delaiContratSuccessifMois());
      decalerContrat(cerfa, anneesPourDepasser(date(cerfa.contrat.dateConclusion, 'contrat.dateConclusion'), limite));
      fixerAgeApprenti(cerfa, age(cerfa.contrat.dateConclusion));
      cerfa.contrat.numeroContratPrecedent = tenu.cerfa.numeroDeca!;
      return { payload: cerfa, context };
    }
    // Otherwise the same apprentice's contract, years earlier, becomes the OPCO's dossier of the previous contract.
    fixerAgeApprenti(cerfa, age(cerfa.contrat.dateConclusion));
    const precedent = copie(cerfa);
    precedent.contrat.typeContratApp = 11;
    delete precedent.contrat.numeroContratPrecedent;
    const debut = date(cerfa.contrat.dateDebutContrat, 'contrat.dateDebutContrat');
    const fin = date(cerfa.contrat.dateFinContrat, 'contrat.dateFinContrat');
    decalerContrat(precedent, -(anneesPourDepasser(debut, fin) + 2));
    const dossier = dossierPrecedent(precedent);
    cerfa.contrat.numeroContratPrecedent = dossier.cerfa.numeroDeca!;
    return { payload: cerfa, context: { ...context, dossiers: [...(context.dossiers ?? []), dossier] } };
  },
});
