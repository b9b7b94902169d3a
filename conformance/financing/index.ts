// Public API of the financing computations: dated parameters, échéancier, rupture prorata, annual amounts, frais annexes.
export {
  loadFinancementParams,
  parseFinancementParams,
  regimeEcheancier,
  plafondsFraisAnnexes,
  plafondMajorationRQTH,
  valeurAmorcage,
  enVigueur,
  FinancementParamsError,
  type FinancementParams,
  type RegimeEcheancier,
  type Repartition,
  type Ouverture,
  type ModeProrata,
  type PlafondsFraisAnnexes,
  type MajorationRQTHParams,
  type ParticipationEmployeurParams,
  type ValeursAmorcage,
  type MinorationDistanciel,
  type TauxDate,
} from './params.js';
export { computeEcheancier, prorataRupture, totalEcheancier, type EcheancierInput } from './echeancier.js';
export {
  montantAnnuel,
  majorationDureeReduite,
  participationEmployeur,
  atteintSeuilDistanciel,
  type OptionsMontantAnnuel,
  type ParticipationInput,
  type Participation,
  type MotifParticipation,
} from './montants.js';
export {
  niveauDuTypeDiplome,
  apresRuptureAutreEmployeur,
  participationDuContrat,
  forfaitParticipation,
  financerContrat,
  financerRupture,
  type ContratFinance,
  type Financement,
} from './contrat.js';
export { plafondNature, montantMaximal, engagerFraisAnnexes, type NatureFrais, type PlafondNature, type DemandeFraisAnnexe } from './frais-annexes.js';
export { anneesContrat, estContratCourt, moisCommences, joursInclus, prorataAnnee, FinancementError, type AnneeContrat } from './periodes.js';
export { toCents, toEuros, mulDivHalfUp, splitByPercents, sumEuros, sameAmount, type Cents } from './cents.js';
