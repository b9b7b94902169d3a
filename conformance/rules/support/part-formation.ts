// The CFA training hours required by the 25 % rule (L6211-2) for a contract, with the formula documented in COH-26.
import { daysBetween, parseIsoDate, type Ymd } from '../../remuneration/calendar.js';
import type { Cerfa } from '../../model/payloads.js';
import type { EligibiliteParams } from './params.js';

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

/**
 * After a plant raised the weekly hours, raises the CFA hours just enough to keep the 25 % share, so that the
 * plant breaks only its own rule. Mutates `cerfa`; does nothing when the contract dates are unreadable.
 */
export function garderPartFormation(cerfa: Cerfa, params: EligibiliteParams): void {
  const debut = parseIsoDate(cerfa.contrat.dateDebutContrat);
  const fin = parseIsoDate(cerfa.contrat.dateFinContrat);
  const heures = cerfa.contrat.dureeTravailHebdoHeures + (cerfa.contrat.dureeTravailHebdoMinutes ?? 0) / 60;
  if (debut === undefined || fin === undefined || fin < debut || !(heures > 0)) return;
  const minimum = Math.ceil(partFormation(debut, fin, heures, params).heuresMinimum);
  if (cerfa.formation.dureeFormation < minimum) cerfa.formation.dureeFormation = Math.min(minimum, 9999);
}
