// Annual amounts: NPEC minorations (distance, cross-border), the reduced-duration majoration and the employer participation.
import type { IsoDate } from '../model/payloads.js';
import { mulDivHalfUp, toCents, toEuros } from './cents.js';
import { enVigueur, loadFinancementParams, type FinancementParams } from './params.js';
import { dateOrThrow, FinancementError, joursInclus, anneesContrat } from './periodes.js';

export interface OptionsMontantAnnuel {
  /** Date of conclusion of the contract: minorations apply to contracts concluded from their dateDebut. */
  dateConclusion: IsoDate;
  /** At least 80 % of the CFA training is given at distance (D6332-82-1, contracts from 2025-07-01). */
  distanciel80?: boolean;
  /** Part of the practical training takes place abroad (−10 %). */
  transfrontalier?: boolean;
}

function nonNegative(value: number, field: string): void {
  if (!Number.isFinite(value) || value < 0) throw new FinancementError(`${field}: montant invalide ${value}`);
}

/**
 * The annual amount the OPCO finances from the NPEC, after minorations, in euros. Distance first (−20 %, never below
 * the floor of 4 000 €, nor above the NPEC itself when it is already under the floor), then cross-border (−10 %).
 * The order of the two is our choice [I]: no source combines them. Each step is rounded half up to the cent.
 */
export function montantAnnuel(npec: number, options: OptionsMontantAnnuel, params: FinancementParams = loadFinancementParams()): number {
  nonNegative(npec, 'npec');
  dateOrThrow(options.dateConclusion, 'dateConclusion');
  let cents = toCents(npec);
  const distanciel = params.minorations.distanciel;
  if (options.distanciel80 && options.dateConclusion.slice(0, 10) >= distanciel.dateDebut) {
    const minore = mulDivHalfUp(cents, 100 - distanciel.tauxPourcent, 100);
    cents = Math.max(minore, Math.min(cents, toCents(distanciel.plancher)));
  }
  const transfrontalier = params.minorations.transfrontalier;
  if (options.transfrontalier && options.dateConclusion.slice(0, 10) >= transfrontalier.dateDebut) {
    cents = mulDivHalfUp(cents, 100 - transfrontalier.tauxPourcent, 100);
  }
  return toEuros(cents);
}

/** Whether the distance share of the training reaches the threshold (80 %): e.g. 1 080 h of 1 350 h. */
export function atteintSeuilDistanciel(heuresDistanciel: number, heuresTotales: number, params: FinancementParams = loadFinancementParams()): boolean {
  if (!(heuresTotales > 0) || !(heuresDistanciel >= 0)) return false;
  return heuresDistanciel * 100 >= params.minorations.distanciel.seuilPourcent * heuresTotales;
}

/**
 * Reduced-duration majoration of a contract shorter than one year (R6332-25 IV 2°): the prorated amount + 10 %,
 * never above the annual NPEC. 7 000 € on 9 months: 5 250 € → 5 775 €.
 */
export function majorationDureeReduite(montantProratise: number, npecAnnuel: number, params: FinancementParams = loadFinancementParams()): number {
  nonNegative(montantProratise, 'montantProratise');
  nonNegative(npecAnnuel, 'npecAnnuel');
  const majore = mulDivHalfUp(toCents(montantProratise), 100 + params.majorations.dureeReduite.tauxPourcent, 100);
  return toEuros(Math.min(majore, toCents(npecAnnuel)));
}

export interface ParticipationInput {
  dateConclusion: IsoDate;
  dateDebutContrat: IsoDate;
  /** Level of the certification in the national framework (3–8). */
  niveauCertification: number;
  /** Annual amount financed by the OPCO (used for a rupture in the probatory period). */
  npecAnnuel: number;
  /** A new contract with another employer after an early rupture of the previous one. */
  nouveauContratApresRupture?: boolean;
  /** Last day of the contract when it was broken. */
  dateRupture?: IsoDate;
}

export type MotifParticipation = 'non-applicable' | 'forfait' | 'nouveau-contrat-apres-rupture' | 'rupture-periode-probatoire';

export interface Participation {
  /** Euros; 0 when not applicable. */
  montant: number;
  motif: MotifParticipation;
}

/**
 * The employer's mandatory participation for a certification of level ≥ 6 (contracts concluded from 2025-07-01):
 * 750 € per contract; 200 € for a new contract with another employer after a rupture; when the contract is broken
 * within the 45-day probatory period, 50 % of the amount the OPCO pays for the days performed (prorated on the days
 * of the first contract year), capped at the flat amount. The CFA invoices it to the employer and the OPCO deducts it
 * from its first payment. The 45 days are counted as calendar days from the contract start [I]: the text counts days
 * of practical training in the company, which the payloads cannot tell.
 */
export function participationEmployeur(input: ParticipationInput, params: FinancementParams = loadFinancementParams()): Participation {
  const debut = dateOrThrow(input.dateDebutContrat, 'dateDebutContrat');
  dateOrThrow(input.dateConclusion, 'dateConclusion');
  nonNegative(input.npecAnnuel, 'npecAnnuel');
  const p = enVigueur(params.participationEmployeur, input.dateConclusion);
  if (!p || !(input.niveauCertification >= p.niveauMinimal)) return { montant: 0, motif: 'non-applicable' };
  const forfait = input.nouveauContratApresRupture ? p.forfaitNouveauContratApresRupture : p.forfait;
  const motif: MotifParticipation = input.nouveauContratApresRupture ? 'nouveau-contrat-apres-rupture' : 'forfait';
  if (input.dateRupture !== undefined) {
    const rupture = dateOrThrow(input.dateRupture, 'dateRupture');
    const jours = joursInclus(debut, rupture);
    if (jours <= p.periodeProbatoireJours) {
      const annee = anneesContrat(debut, rupture)[0];
      const jourAnnee = annee?.joursAnnee ?? 365;
      const part = mulDivHalfUp(toCents(input.npecAnnuel), jours * p.tauxRupturePeriodeProbatoire, jourAnnee * 100);
      const plafond = Math.min(toCents(forfait), toCents(p.plafondRupturePeriodeProbatoire));
      return { montant: toEuros(Math.min(part, plafond)), motif: 'rupture-periode-probatoire' };
    }
  }
  return { montant: forfait, motif };
}
