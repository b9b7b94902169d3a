// The CFA training hours required by the 25 % rule (L6211-2) for a contract, with the formula documented in COH-26.
import { daysBetween, type Ymd } from '../../../remuneration/calendar.js';
import type { EligibiliteParams } from '../../eligibilite/support/params.js';

export interface PartFormation {
  /** Working hours of the contract: days × (annual hours / 365) × (weekly hours / 35). */
  heuresContrat: number;
  /** partFormationMinimum × heuresContrat. */
  heuresMinimum: number;
}

export function partFormation(debut: Ymd, fin: Ymd, heuresHebdo: number, params: EligibiliteParams): PartFormation {
  const jours = daysBetween(debut, fin) + 1;
  const heuresContrat = jours * (params.heuresAnnuellesTempsPlein / 365) * (heuresHebdo / 35);
  return { heuresContrat, heuresMinimum: heuresContrat * params.partFormationMinimum };
}
