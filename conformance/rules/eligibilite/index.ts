// Rules of the 'eligibilite' area, listed explicitly (never registered by import side effect).
import type { Rule } from '../rule.js';
import ageMinimum from './eligibilite-age-minimum.js';
import ageMaximum from './eligibilite-age-maximum.js';
import typeDerogationAge from './eligibilite-type-derogation-age.js';
import responsableLegalMineur from './eligibilite-responsable-legal-mineur.js';
import maitreMajeur from './eligibilite-maitre-majeur.js';
import attestationMaitre from './eligibilite-attestation-maitre.js';
import maitreNombreApprentis from './eligibilite-maitre-nombre-apprentis.js';
import dureeContrat from './eligibilite-duree-contrat.js';
import remunerationMinimale from './eligibilite-remuneration-minimale.js';
import rncpActif from './eligibilite-rncp-actif.js';
import rncpEligibleApprentissage from './eligibilite-rncp-eligible-apprentissage.js';
import contratSuccessifDelai from './eligibilite-contrat-successif-delai.js';
import remunerationContratPrecedent from './eligibilite-remuneration-contrat-precedent.js';

export const eligibiliteRules: Rule<any>[] = [
  ageMinimum,
  ageMaximum,
  typeDerogationAge,
  responsableLegalMineur,
  maitreMajeur,
  attestationMaitre,
  maitreNombreApprentis,
  dureeContrat,
  remunerationMinimale,
  rncpActif,
  rncpEligibleApprentissage,
  contratSuccessifDelai,
  remunerationContratPrecedent,
];
