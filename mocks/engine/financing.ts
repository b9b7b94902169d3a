// The mock's échéancier, through the project's financing library (conformance/financing): NPEC after minorations, schedule, rupture prorata.
import type { Echeance } from '../../conformance/model/dossier.js';
import { atteintSeuilDistanciel, computeEcheancier, FinancementError, montantAnnuel, prorataRupture, totalEcheancier } from '../../conformance/financing/index.js';
import { MockProblem } from '../errors.js';
import type { EcheancePlan } from '../store/types.js';

export interface EcheancierInput {
  dateConclusion: string;
  dateDebutContrat: string;
  dateFinContrat: string;
  /** Annual NPEC from the référentiel, before minorations. */
  npecAnnuel: number;
  /** Annual RQTH majoration (0 when none). */
  majorationRQTHAnnuelle: number;
  /** Hours at distance and total training hours: ≥ 80 % at distance lowers the NPEC (contracts from 2025-07-01). */
  heuresDistanciel?: number;
  heuresFormation?: number;
  iban: string;
  siret: string;
}

function libraryInput(input: EcheancierInput) {
  const distanciel80 =
    input.heuresDistanciel !== undefined && input.heuresFormation !== undefined && input.heuresFormation > 0
      ? atteintSeuilDistanciel(input.heuresDistanciel, input.heuresFormation)
      : false;
  return {
    dateConclusion: input.dateConclusion,
    dateDebutContrat: input.dateDebutContrat,
    dateFinContrat: input.dateFinContrat,
    npecAnnuel: montantAnnuel(input.npecAnnuel, { dateConclusion: input.dateConclusion, distanciel80 }),
    majorationRQTHAnnuelle: input.majorationRQTHAnnuelle,
    iban: input.iban,
    siret: input.siret,
  };
}

const toPlan = (echeances: readonly Echeance[]): EcheancePlan[] =>
  echeances.map(({ montantRegle: _r, montantEnCoursInstruction: _c, ...plan }) => plan);

/** A contract the library cannot schedule (dates out of order…) is the CFA's input error, never a 500. */
function orProblem<T>(compute: () => T, champ: string): T {
  try {
    return compute();
  } catch (error) {
    if (!(error instanceof FinancementError)) throw error;
    const description = `L'échéancier ne peut pas être calculé : ${error.message}`;
    throw new MockProblem('REQUETE_INVALIDE', description, [{ code: 'ECHEANCIER_INCALCULABLE', description, champ }]);
  }
}

/** The schedule of a contract from its start to `dateFinContrat` (inclusive). */
export function planEcheances(input: EcheancierInput): EcheancePlan[] {
  return orProblem(() => toPlan(computeEcheancier(libraryInput(input))), 'contrat');
}

/**
 * Schedule after a rupture whose last day is `dateRupture`: years before are kept, the year of the rupture is due pro
 * rata, later échéances are dropped unless already invoiced. `current` carries the payments known today.
 */
export function planApresRupture(input: EcheancierInput, dateRupture: string, current: readonly Echeance[]): EcheancePlan[] {
  return orProblem(() => toPlan(prorataRupture(current, dateRupture, libraryInput(input))), 'dateRupture');
}

export const totalPlan = (plan: readonly EcheancePlan[]): number => totalEcheancier(plan);
