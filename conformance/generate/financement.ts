// The financing of a generated dossier (échéancier, employer participation, frais annexes) through conformance/financing.
import type { EngagementFraisAnnexe, Echeance } from '../model/dossier.js';
import {
  apresRuptureAutreEmployeur,
  engagerFraisAnnexes,
  financerContrat,
  niveauDuTypeDiplome,
  plafondNature,
  type DemandeFraisAnnexe,
} from '../financing/index.js';
import type { Cerfa } from '../model/payloads.js';
import type { Certification } from './samples.js';

export interface Financement {
  echeances: Echeance[];
  /** Employer participation deducted from the first payment (0 when not applicable). */
  participation: number;
  engagementsFraisAnnexe: EngagementFraisAnnexe[];
  plafondPremierEquipement: number;
}

/**
 * The OPCO's financing of the contract: what it committed and how it pays it, nothing paid yet. The employer
 * participation follows the CERFA as the mock and the suite read it: the level of `formation.typeDiplome`, contract
 * type 23 for the reduced amount after a rupture with another employer (financerContrat).
 */
export function financement(
  cerfa: Cerfa,
  certification: Certification,
  majorationRQTH: number,
  cfa: { iban: string; siret: string },
  demandes: readonly DemandeFraisAnnexe[],
): Financement {
  const { dateConclusion, dateDebutContrat, dateFinContrat } = cerfa.contrat;
  const niveau = niveauDuTypeDiplome(cerfa.formation.typeDiplome ?? certification.typeDiplome);
  const { echeances, participation } = financerContrat({
    dateConclusion,
    dateDebutContrat,
    dateFinContrat,
    npecAnnuel: certification.npec,
    majorationRQTHAnnuelle: majorationRQTH,
    ...(niveau !== undefined ? { niveauCertification: niveau } : {}),
    ...(apresRuptureAutreEmployeur(cerfa.contrat.typeContratApp) ? { nouveauContratApresRupture: true } : {}),
    iban: cfa.iban,
    siret: cfa.siret,
  });
  const plafond = plafondNature('PREMIER_EQUIPEMENT', dateConclusion);
  return {
    echeances,
    participation: participation.montant,
    engagementsFraisAnnexe: engagerFraisAnnexes(demandes, dateConclusion),
    plafondPremierEquipement: plafond.par === 'aucun' ? 0 : plafond.montant,
  };
}
