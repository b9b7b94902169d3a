// Valid CERFA variants (minor, avenant, succession, RQTH, trainee before the contract…) on which every plant is tried.
import type { Cerfa } from '../../model/payloads.js';
import { addDays, addMonths } from '../../remuneration/calendar.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { date, fixerAgeApprenti, iso, recalculerRemuneration } from '../support/plant.js';
import { enAvenant, numeroDecaPlausible } from '../support/avenant.js';

function variant(edit: (cerfa: Cerfa) => void): Cerfa {
  const cerfa = cerfaCoherent();
  edit(cerfa);
  return cerfa;
}

/** Named valid payloads; each passes every coherence and eligibility rule (a test checks it). */
export function variantesValides() {
  return {
    base: cerfaCoherent(),
    mineur: variant((c) => fixerAgeApprenti(c, 17)),
    'quinze-ans-college-acheve': variant((c) => {
      c.apprenti.derniereClasse = 40;
      fixerAgeApprenti(c, 15);
    }),
    avenant: variant(enAvenant),
    'succession-33-ans': variant((c) => {
      c.contrat.typeContratApp = 22;
      c.contrat.numeroContratPrecedent = numeroDecaPlausible(c);
      fixerAgeApprenti(c, 33);
    }),
    'rqth-40-ans-42-mois': variant((c) => {
      c.apprenti.handicap = true;
      const debut = date(c.contrat.dateDebutContrat, 'dateDebutContrat');
      const fin = addDays(addMonths(debut, 42), -1);
      c.contrat.dateFinContrat = iso(fin);
      c.formation.dateFinFormation = iso(addMonths(fin, -1));
      c.formation.dureeFormation = 2400;
      fixerAgeApprenti(c, 40);
    }),
    'stagiaire-avant-contrat': variant((c) => {
      const debut = date(c.contrat.dateDebutContrat, 'dateDebutContrat');
      c.apprenti.situationAvantContrat = 7;
      c.contrat.dateConclusion = iso(debut);
      c.formation.dateDebutFormation = iso(addMonths(debut, -1));
      recalculerRemuneration(c);
    }),
    'deux-maitres': variant((c) => {
      c.maitre2 = { nom: 'BERNARD', prenom: 'Claire', dateNaissance: '1975-11-20' };
    }),
    mayotte: variant((c) => {
      c.employeur.adresse = { ...c.employeur.adresse, codePostal: '97600', commune: 'Mamoudzou', departement: '976' };
      recalculerRemuneration(c);
    }),
    'smc-superieur': variant((c) => {
      c.contrat.smc = 2100;
      recalculerRemuneration(c);
    }),
  };
}

