// Rules of the 'convention' area, listed explicitly (never registered by import side effect).
import type { Rule } from '../rule.js';
import conventionChampsObligatoires from './convention-champs-obligatoires.js';
import conventionMandatEmployeur from './convention-mandat-employeur.js';
import conventionDatesOrdonnees from './convention-dates-ordonnees.js';
import conventionFormationDansContrat from './convention-formation-dans-contrat.js';
import conventionAttestationsSignature from './convention-attestations-signature.js';
import conventionCoutsPositifs from './convention-couts-positifs.js';
import conventionMajorationRqthPlafond from './convention-majoration-rqth-plafond.js';
import conventionPremierEquipementPlafond from './convention-premier-equipement-plafond.js';
import conventionDureeFormation from './convention-duree-formation.js';
import conventionCoherenteDossier from './convention-coherente-dossier.js';

export const conventionRules: Rule<any>[] = [
  conventionChampsObligatoires,
  conventionMandatEmployeur,
  conventionDatesOrdonnees,
  conventionFormationDansContrat,
  conventionAttestationsSignature,
  conventionCoutsPositifs,
  conventionMajorationRqthPlafond,
  conventionPremierEquipementPlafond,
  conventionDureeFormation,
  conventionCoherenteDossier,
];
