// The behaviours a broken variant may replace, as one strategy object the engine receives; CONFORME is the norm's.
//
// The engine never imports the variants: the app builds the strategy from its `breaks` (mocks/variants) and puts it
// in the engine context. Each member is the one place a behaviour lives; the conformant mock uses CONFORME.
import type { EcheancePlan } from '../store/types.js';

export interface Comportement {
  /** The findings a deposit is judged on (a variant may ignore some rules' failures). */
  constats<F extends { rule: { id: string } }>(findings: F[]): F[];
  /** The schedule committed at the decision, from the norm's plan. */
  echeances(plan: EcheancePlan[]): EcheancePlan[];
  /** The DECA number of an engaged dossier, from the norm's one and the DECA sequence; null: none given. */
  numeroDeca(norme: string, sequence: number): string | null;
  /** A dossier the caller does not own is also looked for among the other CFAs' dossiers at the OPCO. */
  lireDossiersAutresCfa: boolean;
  /** An unknown dossier is answered 200 with an empty body instead of the profile's 404/400. */
  dossierInconnuVide: boolean;
  /** The `etats` page lists every CFA's dossiers at the OPCO. */
  etatsTousLesCfa: boolean;
  /** The `total` the `etats` page announces, from the true one. */
  totalEtats(total: number): number;
  /** A rupture keeps the whole schedule (no prorata). */
  ruptureSansProrata: boolean;
  /** The schedule after a rupture on `dateRupture`, from the norm's prorated one and the schedule before the rupture. */
  echeancesRupture(prorata: EcheancePlan[], avant: EcheancePlan[], dateRupture: string): EcheancePlan[];
  /** A deposit under a numeroInterne already received is answered as a new deposit (no DOSSIER_DEJA_CONNU). */
  redepotAccepte: boolean;
  /** The page the `etats` listing serves for the `numeroPage` asked. */
  pageServie(demandee: number): number;
  /** The appairage also searches the other CFAs' dossiers at the OPCO. */
  appairageTousLesCfa: boolean;
  /** An invoice number already accepted is accepted again. */
  factureDoublonAcceptee: boolean;
  /** When an accepted invoice's amount is paid on its échéance, from the norm's date (ISO instant). */
  paiementAllocation(paidAt: string): string;
  /** A certification without NPEC is committed at the valeur d'amorçage of its level (else one flat amount for all). */
  amorcageParNiveau: boolean;
  /** ≥ 80 % of the training at distance lowers the annual amount (D6332-82-1). */
  minorationDistanciel: boolean;
  /** The employer participation deducted, from the norm's, at the commitment or after a rupture (`forfait`: the flat amount in force). */
  participation(norme: number, moment: 'engagement' | 'rupture', forfait: number): number;
  /** CDV-16: a dossier still undecided at the profile's deadline reads REFUSE (fixed at deposit). */
  silenceVautRefus: boolean;
  /** An engaged contract with no sign of execution past the profile's delay after its start reads ANNULE (fixed at deposit). */
  annulationNonCommence: boolean;
  /** FACT-15: a rejected invoice is listed (GET /factures/etats) with its reasons in `commentaire`. */
  motifRejetListe: boolean;
}

/** The norm's behaviour: what the conformant mock does. */
export const CONFORME: Comportement = {
  constats: (findings) => findings,
  echeances: (plan) => plan,
  numeroDeca: (norme) => norme,
  lireDossiersAutresCfa: false,
  dossierInconnuVide: false,
  etatsTousLesCfa: false,
  totalEtats: (total) => total,
  ruptureSansProrata: false,
  echeancesRupture: (prorata) => prorata,
  redepotAccepte: false,
  pageServie: (demandee) => demandee,
  appairageTousLesCfa: false,
  factureDoublonAcceptee: false,
  paiementAllocation: (paidAt) => paidAt,
  amorcageParNiveau: true,
  minorationDistanciel: true,
  participation: (norme) => norme,
  silenceVautRefus: true,
  annulationNonCommence: true,
  motifRejetListe: true,
};
