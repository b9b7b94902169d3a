// Rules of the 'coherence' area, listed explicitly (never registered by import side effect).
import type { Rule } from '../rule.js';
import siretAdresseEmployeur from './coherence-siret-adresse-employeur.js';
import conclusionAvantDebutContrat from './coherence-conclusion-avant-debut-contrat.js';
import finContratApresDebut from './coherence-fin-contrat-apres-debut.js';
import debutFormationPratique from './coherence-debut-formation-pratique.js';
import debutFormationApresConclusion from './coherence-debut-formation-apres-conclusion.js';
import formationAvantSignatureDebutContrat from './coherence-formation-avant-signature-debut-contrat.js';
import finContratFinFormation from './coherence-fin-contrat-fin-formation.js';
import debutFormationFenetre from './coherence-debut-formation-fenetre.js';
import dureeFormation from './coherence-duree-formation.js';
import finFormationDansContrat from './coherence-fin-formation-dans-contrat.js';
import dureeFormationMax from './coherence-duree-formation-max.js';
import distancielDureeFormation from './coherence-distanciel-duree-formation.js';
import avenantContratPrecedent from './coherence-avenant-contrat-precedent.js';
import avenantDateEffet from './coherence-avenant-date-effet.js';
import successionContratPrecedent from './coherence-succession-contrat-precedent.js';
import maitre2Complet from './coherence-maitre2-complet.js';
import maitreNaissancePassee from './coherence-maitre-naissance-passee.js';
import apprentiNaissancePassee from './coherence-apprenti-naissance-passee.js';
import dureeHebdo from './coherence-duree-hebdo.js';
import dureeHebdoMineur from './coherence-duree-hebdo-mineur.js';
import apprentiMineurDeclare from './coherence-apprenti-mineur-declare.js';
import typeDiplomeCode from './coherence-type-diplome-code.js';
import partFormationCfa from './coherence-part-formation-cfa.js';
import remunerationContinuite from './coherence-remuneration-continuite.js';
import salaireEmbauche from './coherence-salaire-embauche.js';

export const coherenceRules: Rule<any>[] = [
  conclusionAvantDebutContrat,
  finContratApresDebut,
  debutFormationPratique,
  debutFormationApresConclusion,
  formationAvantSignatureDebutContrat,
  finContratFinFormation,
  debutFormationFenetre,
  dureeFormation,
  finFormationDansContrat,
  dureeFormationMax,
  distancielDureeFormation,
  avenantContratPrecedent,
  avenantDateEffet,
  successionContratPrecedent,
  maitre2Complet,
  maitreNaissancePassee,
  apprentiNaissancePassee,
  dureeHebdo,
  dureeHebdoMineur,
  apprentiMineurDeclare,
  typeDiplomeCode,
  partFormationCfa,
  remunerationContinuite,
  salaireEmbauche,
  siretAdresseEmployeur,
];
