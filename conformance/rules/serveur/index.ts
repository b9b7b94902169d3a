// Rules of the 'serveur' area: they judge HTTP exchanges of the server suite (convergence test opco), not payloads.
import type { Rule } from '../rule.js';
import serveurAppairage from './serveur-appairage.js';
import serveurCleApiAbsente from './serveur-cle-api-absente.js';
import serveurCleApiInconnue from './serveur-cle-api-inconnue.js';
import serveurCorpsErreur from './serveur-corps-erreur.js';
import serveurCorpsTropVolumineux413 from './serveur-corps-trop-volumineux-413.js';
import serveurCycleDeVie from './serveur-cycle-de-vie.js';
import serveurDepotCerfaTransmis from './serveur-depot-cerfa-transmis.js';
import serveurDossierInconnu404 from './serveur-dossier-inconnu-404.js';
import serveurDossierSolde from './serveur-dossier-solde.js';
import serveurDoublonDetecte from './serveur-doublon-detecte.js';
import serveurEcheancierRepartition from './serveur-echeancier-repartition.js';
import serveurEngageNumeroDeca from './serveur-engage-numero-deca.js';
import serveurEntetesEditeurObligatoires from './serveur-entetes-editeur-obligatoires.js';
import serveurErreurTypeContenu from './serveur-erreur-type-contenu.js';
import serveurFactureAcceptee from './serveur-facture-acceptee.js';
import serveurFactureReglement from './serveur-facture-reglement.js';
import serveurIsolationDossier from './serveur-isolation-dossier.js';
import serveurIsolationEtats from './serveur-isolation-etats.js';
import serveurJsonMalforme400 from './serveur-json-malforme-400.js';
import serveurMembreNonDocumente from './serveur-membre-non-documente.js';
import serveurNumeroDecaFormat from './serveur-numero-deca-format.js';
import serveurPaginationTotal from './serveur-pagination-total.js';
import serveurPasErreurServeur from './serveur-pas-erreur-serveur.js';
import serveurRefusEligibilite from './serveur-refus-eligibilite.js';
import serveurReponseConformeSpec from './serveur-reponse-conforme-spec.js';
import serveurRuptureProrata from './serveur-rupture-prorata.js';
import serveurStatutDisponible from './serveur-statut-disponible.js';
import serveurCleApiInfo from './serveur-cle-api-info.js';
import serveurErreurChamp from './serveur-erreur-champ.js';
import serveurIsolationAppairage from './serveur-isolation-appairage.js';
import serveurPaginationNumeroPage from './serveur-pagination-numero-page.js';
import serveurRedepotRefuse from './serveur-redepot-refuse.js';
import serveurRetryAfter429 from './serveur-retry-after-429.js';
import serveurRuptureMontantProrata from './serveur-rupture-montant-prorata.js';
import serveurTypeContenuJson from './serveur-type-contenu-json.js';
import serveurDecisionVingtJours from './serveur-decision-vingt-jours.js';
import serveurDecisionAnnulationNonCommence from './serveur-decision-annulation-non-commence.js';
import serveurFactureRefusMotif from './serveur-facture-refus-motif.js';
import serveurFactureSuiviEcheancier from './serveur-facture-suivi-echeancier.js';
import serveurDossierNonModifiable from './serveur-dossier-non-modifiable.js';
import serveurNpecValeurAmorcage from './serveur-npec-valeur-amorcage.js';

/** Generic rules (every exchange) first, then the rules a scenario step names. */
export const serveurRules: Rule<any>[] = [
  serveurPasErreurServeur,
  serveurCorpsErreur,
  serveurErreurTypeContenu,
  serveurReponseConformeSpec,
  serveurMembreNonDocumente,
  serveurPaginationTotal,
  serveurPaginationNumeroPage,
  serveurTypeContenuJson,
  serveurRetryAfter429,
  serveurNumeroDecaFormat,
  serveurAppairage,
  serveurCleApiAbsente,
  serveurCleApiInconnue,
  serveurCorpsTropVolumineux413,
  serveurCycleDeVie,
  serveurDepotCerfaTransmis,
  serveurDossierInconnu404,
  serveurDossierSolde,
  serveurDoublonDetecte,
  serveurEcheancierRepartition,
  serveurEngageNumeroDeca,
  serveurEntetesEditeurObligatoires,
  serveurFactureAcceptee,
  serveurFactureReglement,
  serveurIsolationDossier,
  serveurIsolationEtats,
  serveurJsonMalforme400,
  serveurRefusEligibilite,
  serveurRuptureProrata,
  serveurStatutDisponible,
  serveurCleApiInfo,
  serveurRedepotRefuse,
  serveurErreurChamp,
  serveurRuptureMontantProrata,
  serveurIsolationAppairage,
  serveurDecisionVingtJours,
  serveurDecisionAnnulationNonCommence,
  serveurFactureRefusMotif,
  serveurFactureSuiviEcheancier,
  serveurDossierNonModifiable,
  serveurNpecValeurAmorcage,
];
