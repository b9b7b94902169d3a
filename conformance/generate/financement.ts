// The financing of a generated dossier (échéancier, employer participation, frais annexes) through conformance/financing.
import type { EngagementFraisAnnexe, Echeance } from '../model/dossier.js';
import {
  computeEcheancier,
  engagerFraisAnnexes,
  participationEmployeur,
  plafondNature,
  type DemandeFraisAnnexe,
} from '../financing/index.js';
import type { Cerfa } from '../model/payloads.js';
import type { Certification } from './samples.js';
import { NIVEAU_DIPLOME } from './samples.js';

export interface Financement {
  echeances: Echeance[];
  /** Employer participation deducted from the first payment (0 when not applicable). */
  participation: number;
  engagementsFraisAnnexe: EngagementFraisAnnexe[];
  plafondPremierEquipement: number;
}

/** The OPCO's financing of the contract: what it committed and how it pays it, nothing paid yet. */
export function financement(
  cerfa: Cerfa,
  certification: Certification,
  majorationRQTH: number,
  cfa: { iban: string; siret: string },
  demandes: readonly DemandeFraisAnnexe[],
): Financement {
  const { dateConclusion, dateDebutContrat, dateFinContrat } = cerfa.contrat;
  const participation = participationEmployeur({
    dateConclusion,
    dateDebutContrat,
    niveauCertification: NIVEAU_DIPLOME[certification.typeDiplome] ?? 3,
    npecAnnuel: certification.npec,
  }).montant;
  const echeances = computeEcheancier({
    dateConclusion,
    dateDebutContrat,
    dateFinContrat,
    npecAnnuel: certification.npec,
    majorationRQTHAnnuelle: majorationRQTH,
    participationEmployeur: participation,
    iban: cfa.iban,
    siret: cfa.siret,
  });
  const plafond = plafondNature('PREMIER_EQUIPEMENT', dateConclusion);
  return {
    echeances,
    participation,
    engagementsFraisAnnexe: engagerFraisAnnexes(demandes, dateConclusion),
    plafondPremierEquipement: plafond.par === 'aucun' ? 0 : plafond.montant,
  };
}
