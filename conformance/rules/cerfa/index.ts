// Rules of the 'cerfa' area, listed explicitly (never registered by import side effect).
import type { Rule } from '../rule.js';
import cerfaNumeroInterne from './cerfa-numero-interne.js';
import cerfaNirObligatoire from './cerfa-nir-obligatoire.js';
import cerfaEmployeurChampsObligatoires from './cerfa-employeur-champs-obligatoires.js';
import cerfaApprentiChampsObligatoires from './cerfa-apprenti-champs-obligatoires.js';
import cerfaMaitre1ChampsObligatoires from './cerfa-maitre1-champs-obligatoires.js';
import cerfaOrganismeFormationChampsObligatoires from './cerfa-organisme-formation-champs-obligatoires.js';
import cerfaLieuFormationPrincipal from './cerfa-lieu-formation-principal.js';
import cerfaFormationChampsObligatoires from './cerfa-formation-champs-obligatoires.js';
import cerfaContratChampsObligatoires from './cerfa-contrat-champs-obligatoires.js';
import cerfaEmployeurAttestations from './cerfa-employeur-attestations.js';
import cerfaTypeEmployeur from './cerfa-type-employeur.js';
import cerfaEmployeurSpecifique from './cerfa-employeur-specifique.js';
import cerfaNationalite from './cerfa-nationalite.js';
import cerfaRegimeSocial from './cerfa-regime-social.js';
import cerfaSituationAvantContrat from './cerfa-situation-avant-contrat.js';
import cerfaTypeDiplome from './cerfa-type-diplome.js';
import cerfaDerniereClasse from './cerfa-derniere-classe.js';
import cerfaModeContractuel from './cerfa-mode-contractuel.js';
import cerfaTypeContrat from './cerfa-type-contrat.js';
import cerfaTypeDerogation from './cerfa-type-derogation.js';
import cerfaNiveauDiplomeMaitre from './cerfa-niveau-diplome-maitre.js';
import cerfaMembreNonPrevu from './cerfa-membre-non-prevu.js';
import cerfaEmployeurPublicCelia from './cerfa-employeur-public-celia.js';

export const cerfaRules: Rule<any>[] = [
  cerfaNumeroInterne,
  cerfaNirObligatoire,
  cerfaEmployeurChampsObligatoires,
  cerfaApprentiChampsObligatoires,
  cerfaMaitre1ChampsObligatoires,
  cerfaOrganismeFormationChampsObligatoires,
  cerfaLieuFormationPrincipal,
  cerfaFormationChampsObligatoires,
  cerfaContratChampsObligatoires,
  cerfaEmployeurAttestations,
  cerfaTypeEmployeur,
  cerfaEmployeurSpecifique,
  cerfaNationalite,
  cerfaRegimeSocial,
  cerfaSituationAvantContrat,
  cerfaTypeDiplome,
  cerfaDerniereClasse,
  cerfaModeContractuel,
  cerfaTypeContrat,
  cerfaTypeDerogation,
  cerfaNiveauDiplomeMaitre,
  cerfaMembreNonPrevu,
  cerfaEmployeurPublicCelia,
];
