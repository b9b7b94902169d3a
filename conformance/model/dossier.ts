// What an OPCO answers about a dossier: state, DECA number, commitment, échéancier (research §1.4–1.8).
import type { Cerfa, IsoDate } from './payloads.js';

/**
 * Dossier states (research §1.6, FAQ seed 003). The rupture code is `RUPTURE` by default; some OPCOs
 * answer `RUPTU` (AKTO client code): the spec documents the choice and profiles may override it.
 */
export const ETATS_DOSSIER = [
  'TRANSMIS',
  'EN_COURS_INSTRUCTION',
  'ENGAGE',
  'REFUSE',
  'ANNULE',
  'RUPTURE',
  'SOLDE',
] as const;
export type EtatDossier = (typeof ETATS_DOSSIER)[number];

/** Invoice states: only `REGLE` is seen in public sources; the others are our documented choice. */
export const ETATS_FACTURE = ['RECUE', 'EN_COURS_INSTRUCTION', 'REJETEE', 'REGLE'] as const;
export type EtatFacture = (typeof ETATS_FACTURE)[number];

/** One échéance of the payment schedule (research §1.7). */
export interface Echeance {
  numero: number;
  /** E1, E2, … */
  codification: string;
  montantTotal: number;
  montantPedagogique: number;
  montantMajorationRQTH: number;
  montantRegle: number;
  montantEnCoursInstruction: number;
  /** From this date the échéance may be invoiced. */
  dateOuverture: IsoDate;
  dateDebut: IsoDate | null;
  dateFin: IsoDate | null;
  /** IBAN expected on invoices for this échéance. */
  iban: string;
  /** SIRET of the CFA expected on invoices for this échéance (inferred: FAQ rejection "SIRET différent"). */
  siret: string;
}

export interface EngagementFraisAnnexe {
  natureFrais: 'HEBERGEMENT' | 'RESTAURATION' | 'PREMIER_EQUIPEMENT' | 'MOBILITE_INTERNATIONALE';
  quantite: number;
  prixUnitaire: number;
  montantTotal: number;
}

export interface DetailsFacturation {
  iban: string;
  plafondFraisPremierEquipement: number;
  fraisPremierEquipementRegles: boolean;
  fraisMobiliteRegles?: boolean;
}

/** The CERFA as read back, with the OPCO's identifiers and state. */
export interface CerfaLu extends Cerfa {
  /** Always present once deposited: the CFA's, or the one the OPCO assigned when the deposit carried none. */
  numeroInterne: string;
  numeroExterne: string;
  numeroDeca?: string | null;
  etat: EtatDossier;
  commentaireEtat?: string | null;
}

/** Body of GET /v2/dossiers?numeroInterne=… */
export interface DossierLu {
  cerfa: CerfaLu;
  /** Total committed amount (EUR). */
  engagement: number | null;
  echeances: Echeance[];
  engagementsFraisAnnexe: EngagementFraisAnnexe[];
  detailsFacturation: DetailsFacturation | null;
}
