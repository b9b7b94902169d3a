// Derives what a CFA reads from what is stored and the clock: state transitions are computed lazily, never by timers.
import type { DossierLu, Echeance, EtatDossier } from '../../conformance/model/dossier.js';
import { addDuration, isoDay } from '../clock.js';
import type { OpcoProfile } from '../profiles.js';
import type { DossierRecord, FactureRecord } from '../store/types.js';
import type { Delais } from './context.js';
import { dossierSelonProfil, fraisSelonProfil } from './particularites.js';

const round2 = (n: number): number => Math.round(n * 100) / 100;

export interface DossierState {
  etat: EtatDossier;
  /** ENGAGE and its successors expose the commitment. */
  engaged: boolean;
  /** The state's reason when the clock, not the stored decision, gave it (implicit refusal, contract not started). */
  commentaire?: string;
}

/**
 * What the mock keeps beside a stored dossier for its lifecycle, fixed at deposit from the OPCO's profile (and the
 * broken variants): kept in the record's JSON. Dossiers stored without it have neither deadline.
 */
export interface SuiviCycle {
  /** The contract's start (`YYYY-MM-DD`), from which "non commencé" is counted. */
  dateDebutContrat: string;
  /** CDV-15/16: undecided this long after receipt (ISO 8601), the dossier reads REFUSE; null: never. */
  delaiDecisionMaximal: string | null;
  /** Engaged with no sign of execution this long after its start (ISO 8601), the contract reads ANNULE; null: never. */
  delaiNonCommence: string | null;
  /** When a certificat de réalisation of the dossier was first received: a sign of execution. */
  executionConstateeLe?: string;
}

/** What the state and the schedule are derived from: the record without its CERFA. */
export type DossierMeta = Omit<DossierRecord, 'cerfa'> & { cycle?: SuiviCycle };

/** A stored dossier with its lifecycle follow-up (see SuiviCycle). */
export type DossierSuivi = DossierRecord & { cycle?: SuiviCycle };

/** `P20D` → « 20 jours », `P3M` → « 3 mois » (other durations as written). */
export function libelleDuree(duration: string): string {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/.exec(duration);
  if (!m || duration === 'P') return duration;
  const parts = [m[1] && `${m[1]} an${m[1] === '1' ? '' : 's'}`, m[2] && `${m[2]} mois`, m[3] && `${m[3]} jour${m[3] === '1' ? '' : 's'}`];
  return parts.filter(Boolean).join(' ');
}

/** CDV-16: the OPCO kept silent past its deadline. */
const refusImplicite = (delai: string): DossierState => ({
  etat: 'REFUSE',
  engaged: false,
  commentaire: `Refus implicite : aucune décision de l'OPCO dans le délai de ${libelleDuree(delai)} suivant la réception du dossier (le silence vaut refus de prise en charge)`,
});

/**
 * Seed 003 "Annulé — contrat non commencé": engaged, the delay passed since its start (or since its receipt, for a
 * contract sent after it started: the OPCO gives it the same delay), and no sign of execution before then (an
 * accepted invoice, a rupture, a certificat de réalisation received in time).
 */
function nonCommence(record: DossierMeta, now: Date): DossierState | undefined {
  const cycle = record.cycle;
  if (!cycle?.delaiNonCommence || record.allocations.length > 0 || record.rupture) return undefined;
  const debut = new Date(`${cycle.dateDebutContrat}T00:00:00Z`);
  const recu = new Date(record.receivedAt);
  const annulation = addDuration(recu > debut ? recu : debut, cycle.delaiNonCommence);
  if (now < annulation) return undefined;
  if (cycle.executionConstateeLe && new Date(cycle.executionConstateeLe) < annulation) return undefined;
  const delai = libelleDuree(cycle.delaiNonCommence);
  return {
    etat: 'ANNULE',
    engaged: false,
    commentaire: `Annulé : contrat non commencé (aucune facture, aucun certificat de réalisation ni rupture ${delai} après ${recu > debut ? `la réception du dossier le ${isoDay(recu)}` : `la date de début du ${cycle.dateDebutContrat}`})`,
  };
}

/**
 * The state at `now`: TRANSMIS → EN_COURS_INSTRUCTION → decision, then rupture and solde. The OPCO decides after the
 * profile's `delaiDecision` (else the config's); undecided at the dossier's deadline, it reads REFUSE (CDV-16), even
 * if its decision would come later. An engaged contract not started in time reads ANNULE. O(allocations).
 */
export function dossierState(record: DossierMeta, now: Date, delais: Delais, profile: OpcoProfile): DossierState {
  const received = new Date(record.receivedAt);
  const delaiMax = record.cycle?.delaiDecisionMaximal ?? null;
  const echeance = delaiMax ? addDuration(received, delaiMax) : undefined;
  const silence = echeance !== undefined && now >= echeance;
  if (now < addDuration(received, delais.instruction)) return silence ? refusImplicite(delaiMax!) : { etat: 'TRANSMIS', engaged: false };
  if (record.decision.step === 'instruction') return { etat: record.decision.etat, engaged: false };
  const decision = addDuration(received, profile.delaiDecision ?? delais.decision);
  if (echeance !== undefined && decision > echeance && silence) return refusImplicite(delaiMax!);
  if (now < decision) return { etat: 'EN_COURS_INSTRUCTION', engaged: false };
  if (record.decision.etat !== 'ENGAGE') return { etat: record.decision.etat, engaged: false };
  const echeances = echeancesAt(record, now);
  if (echeances.length > 0 && echeances.every((e) => e.montantRegle >= e.montantTotal)) return { etat: 'SOLDE', engaged: true };
  if (record.rupture) return { etat: profile.etatRupture as EtatDossier, engaged: true };
  return nonCommence(record, now) ?? { etat: 'ENGAGE', engaged: true };
}

/** The schedule with its payment follow-up at `now`. */
export function echeancesAt(record: DossierMeta, now: Date): Echeance[] {
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

/**
 * What a read adds to the stored CERFA: keys added to its `contrat`, keys appended to it, and the rest of the body;
 * `selonProfil`: the frais annexes' natures as the profile spells them.
 */
function dossierLuParts(record: DossierMeta, now: Date, delais: Delais, profile: OpcoProfile, iban: string, plafondPremierEquipement: number, selonProfil: boolean) {
  const frais = record.fraisAnnexes ?? record.decision.engagementsFraisAnnexe;
  const { etat, engaged, commentaire } = dossierState(record, now, delais, profile);
  const decided = etat !== 'TRANSMIS' && etat !== 'EN_COURS_INSTRUCTION';
  return {
    contrat: {
      ...(engaged ? { noContrat: record.decision.numeroDeca } : {}),
      ...(record.rupture && engaged ? { dateRupture: record.rupture.dateRupture } : {}),
    },
    cerfa: {
      numeroExterne: record.numeroExterne,
      numeroDeca: engaged ? record.decision.numeroDeca : null,
      etat,
      commentaireEtat: commentaire ?? (decided ? record.decision.commentaireEtat : null),
    },
    rest: {
      engagement: engaged ? (record.rupture?.engagement ?? record.decision.engagement) : null,
      echeances: engaged ? echeancesAt(record, now) : [],
      engagementsFraisAnnexe: engaged ? (selonProfil ? fraisSelonProfil(frais, profile) : frais) : [],
      detailsFacturation: engaged
        ? { iban, plafondFraisPremierEquipement: plafondPremierEquipement, fraisPremierEquipementRegles: false, fraisMobiliteRegles: false }
        : null,
    },
  };
}

/**
 * Body of GET /dossiers?numeroInterne=…: the CERFA as stored, with the OPCO's numbers, state and schedule. In the
 * norm's form (what the rules judge), or with `selonProfil` as the OPCO's profile writes it (its wire quirks).
 */
export function dossierLu(record: DossierRecord, now: Date, delais: Delais, profile: OpcoProfile, iban: string, plafondPremierEquipement = 500, selonProfil = false): DossierLu {
  const parts = dossierLuParts(record, now, delais, profile, iban, plafondPremierEquipement, selonProfil);
  const lu = {
    cerfa: { ...record.cerfa, contrat: { ...record.cerfa.contrat, ...parts.contrat }, ...parts.cerfa },
    ...parts.rest,
  } as DossierLu;
  return selonProfil ? dossierSelonProfil(lu, profile) : lu;
}

/**
 * A stored CERFA kept as its JSON text, with where its `contrat` object closes (`contratEnd`, the index of its `}`):
 * only for a CERFA whose own keys do not include the ones a read adds (the store checks it when it writes).
 */
export interface CerfaText {
  text: string;
  contratEnd: number;
}

/** The keys `dossierLu` adds to the CERFA and to its contrat: a stored CERFA carrying one of them is not spliced. */
export const CERFA_ADDED_KEYS = ['numeroExterne', 'numeroDeca', 'etat', 'commentaireEtat'] as const;
export const CONTRAT_ADDED_KEYS = ['noContrat', 'dateRupture'] as const;

/** `{"a":1,"b":2}` → `"a":1,"b":2` (empty for `{}`). */
const members = (json: string): string => json.slice(1, -1);

/**
 * `JSON.stringify(dossierLu(…, selonProfil))`, byte for byte, without parsing and re-serialising the stored CERFA:
 * the keys a read adds are serialised alone and spliced into the stored text (mocks/fast-path.test.ts compares
 * both). Only for a profile that keeps the CERFA's text as stored (`cerfaReecrit` false).
 */
export function dossierLuJson(record: DossierMeta, cerfa: CerfaText, now: Date, delais: Delais, profile: OpcoProfile, iban: string, plafondPremierEquipement = 500): string {
  const parts = dossierLuParts(record, now, delais, profile, iban, plafondPremierEquipement, true);
  const { text, contratEnd } = cerfa;
  const contrat = members(JSON.stringify(parts.contrat));
  const added = members(JSON.stringify(parts.cerfa));
  const rest = members(JSON.stringify(parts.rest));
  const contratEmpty = text.charCodeAt(contratEnd - 1) === 123; // `{`: the stored contrat has no keys
  const cerfaHead = text.slice(0, contratEnd);
  const cerfaTail = text.slice(contratEnd, -1);
  const cerfaEmpty = text.length === 2;
  return (
    `{"cerfa":${cerfaHead}${contrat && !contratEmpty ? ',' : ''}${contrat}${cerfaTail}` +
    `${added && !cerfaEmpty ? ',' : ''}${added}}${rest ? ',' : ''}${rest}}`
  );
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

/** One item of GET /factures/etats; `avecMotif` false (a broken variant): a rejected invoice's reasons are not given. */
export function etatFacture(record: FactureRecord, now: Date, avecMotif = true) {
  const paid = !record.rejected && record.paidAt !== null && new Date(record.paidAt) <= now;
  return {
    numeroInterneFacture: record.numeroInterneFacture,
    referenceFactureCFA: record.facture.referenceFactureCFA ?? null,
    montantFacture: record.facture.montantTotal,
    etatFacture: record.rejected ? 'REJETEE' : paid ? 'REGLE' : 'EN_COURS_INSTRUCTION',
    // The FAQ: the transfer reference is not given.
    referenceVirement: null,
    dateReglement: paid && record.paidAt ? isoDay(new Date(record.paidAt)) : null,
    commentaire: avecMotif || !record.rejected ? record.commentaire : null,
    organismeFormation: { siret: record.facture.organismeFormation.siret, IBAN: record.facture.organismeFormation.IBAN ?? null },
    dossiers: record.dossiers,
  };
}
