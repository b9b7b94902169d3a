// The échéancier of a generated dossier: the one place that calls the financing module, so it is swapped in one spot.
//
// TEMPORARY: conformance/financing (computeEcheancier) is not written yet; until it is, the mock's planner
// (mocks/engine/financing.ts, same regimes of norme.md §2.3) stands in.
import type { Echeance } from '../model/dossier.js';
import { planEcheances } from '../../mocks/engine/financing.js';

export interface EcheancierInput {
  dateConclusion: string;
  dateDebutContrat: string;
  dateFinContrat: string;
  npecAnnuel: number;
  majorationRQTHAnnuelle: number;
  iban: string;
  siret: string;
}

/** The échéances as the OPCO's read model shows them, nothing paid or under instruction yet. */
export function echeancier(input: EcheancierInput): Echeance[] {
  return planEcheances(input).map((e) => ({ ...e, montantRegle: 0, montantEnCoursInstruction: 0 }));
}
