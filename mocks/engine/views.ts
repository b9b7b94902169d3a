// Derives what a CFA reads from what is stored and the clock: state transitions are computed lazily, never by timers.
import type { DossierLu, Echeance, EtatDossier } from '../../conformance/model/dossier.js';
import { addDuration, isoDay } from '../clock.js';
import type { OpcoProfile } from '../profiles.js';
import type { DossierRecord, FactureRecord } from '../store/types.js';
import type { Delais } from './context.js';

const round2 = (n: number): number => Math.round(n * 100) / 100;

export interface DossierState {
  etat: EtatDossier;
  /** ENGAGE and its successors expose the commitment. */
  engaged: boolean;
}

/** The state at `now`: TRANSMIS → EN_COURS_INSTRUCTION → decision, then rupture and solde. O(allocations). */
export function dossierState(record: DossierRecord, now: Date, delais: Delais, profile: OpcoProfile): DossierState {
  const received = new Date(record.receivedAt);
  if (now < addDuration(received, delais.instruction)) return { etat: 'TRANSMIS', engaged: false };
  if (record.decision.step === 'instruction') return { etat: record.decision.etat, engaged: false };
  if (now < addDuration(received, delais.decision)) return { etat: 'EN_COURS_INSTRUCTION', engaged: false };
  if (record.decision.etat !== 'ENGAGE') return { etat: record.decision.etat, engaged: false };
  const echeances = echeancesAt(record, now);
  if (echeances.length > 0 && echeances.every((e) => e.montantRegle >= e.montantTotal)) return { etat: 'SOLDE', engaged: true };
  if (record.rupture) return { etat: profile.etatRupture as EtatDossier, engaged: true };
  return { etat: 'ENGAGE', engaged: true };
}

/** The schedule with its payment follow-up at `now`. */
export function echeancesAt(record: DossierRecord, now: Date): Echeance[] {
  const plan = record.rupture?.echeances ?? record.decision.echeances;
  return plan.map((e) => {
    let regle = 0;
    let enCours = 0;
    for (const a of record.allocations) {
      if (a.numeroEcheance !== e.numero) continue;
      if (new Date(a.paidAt) <= now) regle += a.montant;
      else enCours += a.montant;
    }
    return { ...e, montantRegle: round2(regle), montantEnCoursInstruction: round2(enCours) };
  });
}

/** Body of GET /dossiers?numeroInterne=…: the CERFA as stored, with the OPCO's numbers, state and schedule. */
export function dossierLu(record: DossierRecord, now: Date, delais: Delais, profile: OpcoProfile, iban: string, plafondPremierEquipement = 500): DossierLu {
  const { etat, engaged } = dossierState(record, now, delais, profile);
  const decided = etat !== 'TRANSMIS' && etat !== 'EN_COURS_INSTRUCTION';
  const contrat = {
    ...record.cerfa.contrat,
    ...(engaged ? { noContrat: record.decision.numeroDeca } : {}),
    ...(record.rupture && engaged ? { dateRupture: record.rupture.dateRupture } : {}),
  };
  return {
    cerfa: {
      ...record.cerfa,
      contrat,
      numeroExterne: record.numeroExterne,
      numeroDeca: engaged ? record.decision.numeroDeca : null,
      etat,
      commentaireEtat: decided ? record.decision.commentaireEtat : null,
    },
    engagement: engaged ? (record.rupture?.engagement ?? record.decision.engagement) : null,
    echeances: engaged ? echeancesAt(record, now) : [],
    engagementsFraisAnnexe: engaged ? (record.fraisAnnexes ?? record.decision.engagementsFraisAnnexe) : [],
    detailsFacturation: engaged
      ? { iban, plafondFraisPremierEquipement: plafondPremierEquipement, fraisPremierEquipementRegles: false, fraisMobiliteRegles: false }
      : null,
  };
}

/** One item of GET /dossiers/etats. */
export function etatDossier(record: DossierRecord, now: Date, delais: Delais, profile: OpcoProfile) {
  const { etat, engaged } = dossierState(record, now, delais, profile);
  return {
    numeroInterne: record.numeroInterne,
    numeroExterne: record.numeroExterne,
    numeroDeca: engaged ? record.decision.numeroDeca : null,
    etat,
  };
}

/** One item of GET /factures/etats. */
export function etatFacture(record: FactureRecord, now: Date) {
  const paid = !record.rejected && record.paidAt !== null && new Date(record.paidAt) <= now;
  return {
    numeroInterneFacture: record.numeroInterneFacture,
    referenceFactureCFA: record.facture.referenceFactureCFA ?? null,
    montantFacture: record.facture.montantTotal,
    etatFacture: record.rejected ? 'REJETEE' : paid ? 'REGLE' : 'EN_COURS_INSTRUCTION',
    // The FAQ: the transfer reference is not given.
    referenceVirement: null,
    dateReglement: paid && record.paidAt ? isoDay(new Date(record.paidAt)) : null,
    commentaire: record.commentaire,
    organismeFormation: { siret: record.facture.organismeFormation.siret, IBAN: record.facture.organismeFormation.IBAN ?? null },
    dossiers: record.dossiers,
  };
}
