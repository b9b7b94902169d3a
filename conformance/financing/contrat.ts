// One contract's financing as an OPCO commits it: level and participation read from the CERFA, échéancier with the participation deducted, rupture.
import type { Echeance } from '../model/dossier.js';
import type { IsoDate } from '../model/payloads.js';
import { computeEcheancier, prorataRupture, type EcheancierInput } from './echeancier.js';
import { participationEmployeur, type Participation } from './montants.js';
import { enVigueur, loadFinancementParams, type FinancementParams } from './params.js';

/**
 * The level (3–8) of the national framework of certifications of a CERFA diploma type (`formation.typeDiplome`,
 * notice 51649 of CERFA 10103): its tens digit (33–38 CAP/BEP → 3, 4x bac → 4, 5x bac+2 → 5, 6x bac+3/4 → 6,
 * 7x bac+5 → 7, 80 doctorat → 8). Undefined for the codes without a level (13, 25, 26: no diploma, brevet, CFG)
 * and for anything else.
 */
export function niveauDuTypeDiplome(typeDiplome: unknown): number | undefined {
  if (typeof typeDiplome !== 'number' || !Number.isInteger(typeDiplome) || typeDiplome < 30 || typeDiplome > 80) return undefined;
  return Math.floor(typeDiplome / 10);
}

/**
 * Whether the CERFA declares a new contract with another employer after the previous one was broken: contract type
 * 23 ("autre employeur, contrat précédent rompu", norme.md §3.1). That is how the CERFA tells the case of the 200 €
 * participation (FIN-14); types 21 and 22 follow a contract that ended, not a rupture [I].
 */
export const apresRuptureAutreEmployeur = (typeContratApp: unknown): boolean => Number(typeContratApp) === 23;

/** A contract as the OPCO finances it: the échéancier input plus what decides the employer participation. */
export interface ContratFinance extends Omit<EcheancierInput, 'participationEmployeur'> {
  /** Level of the certification (3–8); undefined when unknown: no participation is deducted. */
  niveauCertification?: number;
  /** A new contract with another employer after a rupture (CERFA type 23): the reduced flat participation. */
  nouveauContratApresRupture?: boolean;
}

/** The employer participation of a contract (0 when not applicable), and after a rupture on `dateRupture`. */
export function participationDuContrat(contrat: ContratFinance, dateRupture?: IsoDate, params: FinancementParams = loadFinancementParams()): Participation {
  if (contrat.niveauCertification === undefined) return { montant: 0, motif: 'non-applicable' };
  return participationEmployeur(
    {
      dateConclusion: contrat.dateConclusion,
      dateDebutContrat: contrat.dateDebutContrat,
      niveauCertification: contrat.niveauCertification,
      npecAnnuel: contrat.npecAnnuel,
      ...(contrat.nouveauContratApresRupture ? { nouveauContratApresRupture: true } : {}),
      ...(dateRupture !== undefined ? { dateRupture } : {}),
    },
    params,
  );
}

/** The flat participation in force for this contract (750 €, or 200 € after a rupture with another employer), 0 when none. */
export function forfaitParticipation(contrat: ContratFinance, params: FinancementParams = loadFinancementParams()): number {
  const p = enVigueur(params.participationEmployeur, contrat.dateConclusion);
  if (!p || contrat.niveauCertification === undefined || contrat.niveauCertification < p.niveauMinimal) return 0;
  return contrat.nouveauContratApresRupture ? p.forfaitNouveauContratApresRupture : p.forfait;
}

export interface Financement {
  echeances: Echeance[];
  participation: Participation;
}

/**
 * The échéancier an OPCO commits for a contract: computeEcheancier with the employer participation deducted from
 * the first payment (750 € for a level ≥ 6 certification concluded from 2025-07-01; 200 € after a rupture with
 * another employer; none before or below). `participation` overrides the amount deducted (a broken variant).
 */
export function financerContrat(contrat: ContratFinance, params: FinancementParams = loadFinancementParams(), participation?: number): Financement {
  const norme = participationDuContrat(contrat, undefined, params);
  const montant = participation ?? norme.montant;
  return { echeances: computeEcheancier({ ...contrat, participationEmployeur: montant }, params), participation: { ...norme, montant } };
}

/**
 * The échéancier after a rupture whose last day is `dateRupture` (prorataRupture), with the participation due for
 * that rupture: 50 % of the amount of the days performed, capped at the flat amount, when the rupture falls in the
 * 45-day probatory period; the flat amount otherwise. `participation` overrides the amount (a broken variant).
 */
export function financerRupture(
  echeancier: readonly Echeance[],
  dateRupture: IsoDate,
  contrat: ContratFinance,
  params: FinancementParams = loadFinancementParams(),
  participation?: number,
): Financement {
  const norme = participationDuContrat(contrat, dateRupture, params);
  const montant = participation ?? norme.montant;
  return { echeances: prorataRupture(echeancier, dateRupture, { ...contrat, participationEmployeur: montant }, params), participation: { ...norme, montant } };
}
