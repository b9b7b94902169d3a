// Rules of the 'facturation' area, listed explicitly (never registered by import side effect).
import type { Rule } from '../rule.js';
import factureDejaConnue from './facture-deja-connue.js';
import factureIbanIdentiqueEcheance from './facture-iban-identique-echeance.js';
import factureFraisAnnexesPlafond from './facture-frais-annexes-plafond.js';
import factureFraisAnnexesMontantEngage from './facture-frais-annexes-montant-engage.js';
import factureIbanEmetteurRenseigne from './facture-iban-emetteur-renseigne.js';
import factureMontantEcheanceAttendu from './facture-montant-echeance-attendu.js';
import factureSiretEmetteurConnu from './facture-siret-emetteur-connu.js';
import factureSiretIdentiqueEcheance from './facture-siret-identique-echeance.js';
import factureNumeroExterneRenseigne from './facture-numero-externe-renseigne.js';
import factureEcheanceOuverte from './facture-echeance-ouverte.js';
import factureMontantAttendu from './facture-montant-attendu.js';
import factureTotalEgalSommeLignes from './facture-total-egal-somme-lignes.js';
import factureNumeroEcheanceConnu from './facture-numero-echeance-connu.js';
import factureLigneTotalEgalSomme from './facture-ligne-total-egal-somme.js';
import factureFraisAnnexesCalcul from './facture-frais-annexes-calcul.js';
import factureDossierNumeroDeca from './facture-dossier-numero-deca.js';
import factureContratConcluDepuis2020 from './facture-contrat-conclu-depuis-2020.js';
import factureMajorationRqthPlafond from './facture-majoration-rqth-plafond.js';
import factureDossierConnu from './facture-dossier-connu.js';
import factureNumeroExterneCoherent from './facture-numero-externe-coherent.js';
import factureSoldeServiceFait from './facture-solde-service-fait.js';
import factureSoldeHorsDelai from './facture-solde-hors-delai.js';

/** The twelve rejections of the inter-OPCO FAQ first (in the FAQ's order, the third split in two), then the others. */
export const facturationRules: Rule<any>[] = [
  factureDejaConnue,
  factureIbanIdentiqueEcheance,
  factureFraisAnnexesPlafond,
  factureFraisAnnexesMontantEngage,
  factureIbanEmetteurRenseigne,
  factureMontantEcheanceAttendu,
  factureSiretEmetteurConnu,
  factureSiretIdentiqueEcheance,
  factureNumeroExterneRenseigne,
  factureEcheanceOuverte,
  factureMontantAttendu,
  factureTotalEgalSommeLignes,
  factureNumeroEcheanceConnu,
  factureLigneTotalEgalSomme,
  factureFraisAnnexesCalcul,
  factureDossierNumeroDeca,
  factureContratConcluDepuis2020,
  factureMajorationRqthPlafond,
  factureDossierConnu,
  factureNumeroExterneCoherent,
  factureSoldeServiceFait,
  factureSoldeHorsDelai,
];
