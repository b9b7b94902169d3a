// D6222-29: a new contract with the same employer pays at least the last year's rate of the previous contract (REM-12).
//
// What can be checked: the CERFA does not carry the previous contract's pay, only its DECA number. The rule reads the
// previous contract among the OPCO's dossiers (RuleContext.dossiers: by DECA number, else same NIR), and compares
// rates (% of SMIC or SMC), not amounts, which move with the SMIC. Same employer: a contract of type 21 (« a terminé
// son précédent contrat auprès d'un même employeur ») whose previous contract has the same SIREN. Without the
// previous contract, the rule skips. The legal minimum by age (REM-01) is eligibilite-remuneration-minimale's.
import type { DossierLu } from '../../model/dossier.js';
import type { Cerfa } from '../../model/payloads.js';
import { parseIsoDate } from '../../remuneration/calendar.js';
import { defineRule, fail, notApplicable, pass, skip, type Violation } from '../rule.js';
import { enContratInitial } from '../support/avenant.js';
import { eligibiliteParams, valeurEnVigueur } from '../support/params.js';
import { copie, date, fixerAgeApprenti, recalculerRemuneration } from '../support/plant.js';
import { factsOf } from '../support/facts.js';
import { anneesPourDepasser, contratPrecedent, decalerContrat, dossierPrecedent, finContrat, precedentDuContexte, sirenEmployeur, TYPE_MEME_EMPLOYEUR } from './contrat-precedent.js';

const params = eligibiliteParams();

/** The rate of the previous contract's last year executed: its pay line starting last, up to its end or rupture. */
function dernierTaux(dossier: DossierLu): number | undefined {
  const fin = finContrat(dossier)?.fin;
  let taux: number | undefined;
  let debut = -1;
  for (const ligne of dossier.cerfa.contrat?.remunerationsAnnuelles ?? []) {
    const d = parseIsoDate(ligne?.dateDebut);
    if (d === undefined || typeof ligne.taux !== 'number' || (fin !== undefined && d > fin) || d < debut) continue;
    [taux, debut] = [ligne.taux, d];
  }
  return taux;
}

const tauxMin = (cerfa: Cerfa): number => Math.min(...cerfa.contrat.remunerationsAnnuelles.map((l) => l.taux));

export default defineRule<'cerfa'>({
  id: 'eligibilite-remuneration-contrat-precedent',
  title: "Un nouveau contrat avec le même employeur doit rémunérer au moins au taux de la dernière année du contrat précédent",
  requirements: ['REM-12'],
  severity: 'bloquant',
  area: 'eligibilite',
  appliesTo: ['cerfa'],
  check(cerfa, context) {
    if (cerfa.contrat?.typeContratApp !== TYPE_MEME_EMPLOYEUR) return notApplicable("le contrat n'est pas une succession chez le même employeur (type 21)");
    if (!context.dossiers) return skip("dossiers de l'OPCO non fournis (contexte sans dossiers) : rémunération du contrat précédent inconnue");
    const precedent = contratPrecedent(cerfa, context.dossiers);
    if (!precedent) return skip("contrat précédent inconnu de l'OPCO (ni numéro DECA ni NIR retrouvé)");
    const siren = sirenEmployeur(cerfa);
    if (siren === undefined || siren !== sirenEmployeur(precedent.cerfa)) return notApplicable('contrat précédent chez un autre employeur');
    const minimum = dernierTaux(precedent);
    if (minimum === undefined) return skip('taux de la dernière année du contrat précédent illisible');
    const lignes = cerfa.contrat.remunerationsAnnuelles;
    if (!Array.isArray(lignes)) return skip('lignes de rémunération absentes');
    const numero = precedent.cerfa.numeroDeca ? `${precedent.cerfa.numeroDeca} ` : '';
    const violations: Violation[] = [];
    lignes.forEach((ligne, i) => {
      if (typeof ligne?.taux !== 'number' || ligne.taux >= minimum) return;
      violations.push({
        path: `contrat.remunerationsAnnuelles[${i}].taux`,
        expected: `au moins ${minimum} % (taux de la dernière année du contrat précédent ${numero}chez le même employeur)`,
        received: `${ligne.taux} %`,
        message: 'La rémunération est inférieure à celle de la dernière année du contrat précédent chez le même employeur',
      });
    });
    return violations.length === 0 ? pass() : fail(...violations);
  },
  plant(valid, context) {
    const cerfa = copie(valid);
    enContratInitial(cerfa);
    cerfa.contrat.typeContratApp = TYPE_MEME_EMPLOYEUR;
    const tenu = precedentDuContexte(context.dossiers, valid.numeroInterne);
    const taux = tenu && sirenEmployeur(tenu.cerfa) === sirenEmployeur(valid) ? dernierTaux(tenu) : undefined;
    if (tenu && taux !== undefined) {
      // The OPCO holds the earlier contract (a dossier the suite deposited): the new one follows it, paid the legal minimum.
      const nouveau = copie(cerfa);
      decalerContrat(nouveau, anneesPourDepasser(date(nouveau.contrat.dateDebutContrat, 'contrat.dateDebutContrat'), finContrat(tenu)!.fin));
      const facts = factsOf(nouveau);
      if ((facts.ageDebut ?? 0) > valeurEnVigueur(params.ageMaximum, facts.conclusion)) fixerAgeApprenti(nouveau, 25);
      else recalculerRemuneration(nouveau);
      // Still at or above the last rate: a minor's first year (the grid's lowest rate).
      if (tauxMin(nouveau) >= taux) fixerAgeApprenti(nouveau, 17);
      if (tauxMin(nouveau) < taux) {
        nouveau.contrat.numeroContratPrecedent = tenu.cerfa.numeroDeca!;
        return { payload: nouveau, context };
      }
    }
    // Otherwise the OPCO's dossier of an earlier contract with the same employer, paid 100 % in its last year.
    if (tauxMin(cerfa) >= 100) fixerAgeApprenti(cerfa, 20);
    const precedent = copie(cerfa);
    precedent.contrat.typeContratApp = 11;
    delete precedent.contrat.numeroContratPrecedent;
    const debut = date(cerfa.contrat.dateDebutContrat, 'contrat.dateDebutContrat');
    decalerContrat(precedent, -anneesPourDepasser(debut, date(cerfa.contrat.dateFinContrat, 'contrat.dateFinContrat')));
    for (const ligne of precedent.contrat.remunerationsAnnuelles) ligne.taux = 100;
    const dossier = dossierPrecedent(precedent);
    cerfa.contrat.numeroContratPrecedent = dossier.cerfa.numeroDeca!;
    return { payload: cerfa, context: { ...context, dossiers: [...(context.dossiers ?? []), dossier] } };
  },
});
