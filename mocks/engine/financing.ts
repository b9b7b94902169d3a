// The mock's échéancier, through the project's financing library (conformance/financing): NPEC in force at conclusion, minorations, participation, schedule, rupture prorata.
import type { Echeance } from '../../conformance/model/dossier.js';
import type { Cerfa, Formation } from '../../conformance/model/payloads.js';
import {
  apresRuptureAutreEmployeur,
  atteintSeuilDistanciel,
  estContratCourt,
  financerContrat,
  financerRupture,
  FinancementError,
  forfaitParticipation,
  montantAnnuel,
  niveauDuTypeDiplome,
  participationDuContrat,
  plafondMajorationRQTH,
  totalEcheancier,
  valeurAmorcage,
  type ContratFinance,
} from '../../conformance/financing/index.js';
import { parseIsoDate } from '../../conformance/remuneration/calendar.js';
import { MockProblem } from '../errors.js';
import type { EcheancePlan } from '../store/types.js';
import type { Comportement } from './comportement.js';
import type { EngineContext } from './context.js';
import type { Referentiel } from './referentiel.js';

export interface EcheancierInput {
  dateConclusion: string;
  dateDebutContrat: string;
  dateFinContrat: string;
  /** Annual NPEC from the référentiel (in force at the date of conclusion), before minorations. */
  npecAnnuel: number;
  /** Annual RQTH majoration (0 when none). */
  majorationRQTHAnnuelle: number;
  /** Hours at distance and total training hours: ≥ 80 % at distance lowers the NPEC (contracts from 2025-07-01). */
  heuresDistanciel?: number;
  heuresFormation?: number;
  /** Level (3–8) of the certification: ≥ 6 from 2025-07-01, the employer participation is deducted. Absent: none. */
  niveauCertification?: number;
  /** CERFA contract type 23: a new contract with another employer after a rupture (200 € participation). */
  nouveauContratApresRupture?: boolean;
  /** A contract under one year shorter than the certification's cycle: +10 % (R6332-25 IV 2°). */
  dureeReduite?: boolean;
  iban: string;
  siret: string;
  /** The behaviours a broken variant replaces (absent: the norm's). */
  comportement?: Pick<Comportement, 'minorationDistanciel' | 'participation'>;
}

/** What the référentiel gives for a certification: its NPEC in force at `date`, else the level's valeur d'amorçage. */
export interface NpecRetenu {
  montant: number;
  /** The RNCP or code diplôme of the entry used, or `valeur-amorcage`. */
  source: string;
  dureeMois?: number;
}

const normaliseRncp = (code: string): string => code.toUpperCase().replace(/^(RNCP)?/, 'RNCP');

/**
 * The NPEC of a certification for a contract concluded on `date` (Vade-mecum CFA V2, norme.md §2.1): the entries of
 * its RNCP code (else of its code diplôme) whose `dateDebut` (absent: always) is on or before `date`, the latest one;
 * when it has none in force, the valeur d'amorçage of its level in force at `date` (conformance/data/financement.yaml),
 * and the référentiel's own `valeurAmorcage` when the level is unknown or predates every table.
 */
export function npecALaConclusion(ref: Referentiel, formation: Pick<Formation, 'rncp' | 'codeDiplome'>, date: string, niveau: number | undefined): NpecRetenu {
  const { rncp, codeDiplome } = formation;
  let entries = rncp ? ref.npec.filter((n) => normaliseRncp(n.rncp) === normaliseRncp(rncp)) : [];
  const parRncp = entries.length > 0;
  if (!parRncp && codeDiplome) entries = ref.npec.filter((n) => String(n.codeDiplome) === String(codeDiplome));
  const day = date.slice(0, 10);
  const enVigueur = entries
    .filter((n) => (n.dateDebut ?? '') <= day)
    .sort((a, b) => (a.dateDebut ?? '').localeCompare(b.dateDebut ?? ''))
    .at(-1);
  if (enVigueur) {
    const source = parRncp ? enVigueur.rncp : String(enVigueur.codeDiplome);
    return { montant: enVigueur.montant, source, ...(enVigueur.dureeMois !== undefined ? { dureeMois: enVigueur.dureeMois } : {}) };
  }
  const amorcage = niveau === undefined ? undefined : valeurAmorcage(niveau, day);
  return { montant: amorcage ?? ref.valeurAmorcage, source: 'valeur-amorcage' };
}

/** A contract under one year whose certification's cycle lasts a year or more: its duration was reduced [I]. */
function dureeReduite(cerfa: Cerfa, npec: NpecRetenu): boolean {
  const debut = parseIsoDate(cerfa.contrat.dateDebutContrat);
  const fin = parseIsoDate(cerfa.contrat.dateFinContrat);
  if (debut === undefined || fin === undefined || npec.dureeMois === undefined || npec.dureeMois < 12) return false;
  return fin >= debut && estContratCourt(debut, fin);
}

/**
 * What the OPCO finances for a CERFA: the NPEC in force at the date of conclusion (or the valeur d'amorçage of the
 * level, from `formation.typeDiplome`), the RQTH majoration, the distance hours, the participation's facts (level,
 * contract type 23) and the reduced duration (référentiel `dureeMois`).
 */
export function echeancierInput(ctx: EngineContext, cerfa: Cerfa): EcheancierInput {
  const niveau = niveauDuTypeDiplome(cerfa.formation.typeDiplome);
  // amorcage-niveau-unique (a broken variant): the level is not used, the référentiel's flat value applies.
  const npec = npecALaConclusion(ctx.referentiel, cerfa.formation, cerfa.contrat.dateConclusion, ctx.comportement.amorcageParNiveau ? niveau : undefined);
  return {
    dateConclusion: cerfa.contrat.dateConclusion,
    dateDebutContrat: cerfa.contrat.dateDebutContrat,
    dateFinContrat: cerfa.contrat.dateFinContrat,
    npecAnnuel: npec.montant,
    majorationRQTHAnnuelle: cerfa.apprenti.handicap ? (plafondMajorationRQTH(cerfa.contrat.dateConclusion) ?? ctx.referentiel.majorationRQTH) : 0,
    ...(cerfa.formation.nombreHeuresEnDistanciel !== undefined ? { heuresDistanciel: cerfa.formation.nombreHeuresEnDistanciel } : {}),
    heuresFormation: cerfa.formation.dureeFormation,
    ...(niveau !== undefined ? { niveauCertification: niveau } : {}),
    ...(apresRuptureAutreEmployeur(cerfa.contrat.typeContratApp) ? { nouveauContratApresRupture: true } : {}),
    ...(dureeReduite(cerfa, npec) ? { dureeReduite: true } : {}),
    iban: ctx.tenant.iban,
    siret: ctx.tenant.siret,
    comportement: ctx.comportement,
  };
}

function contratFinance(input: EcheancierInput): ContratFinance {
  const distanciel80 =
    (input.comportement?.minorationDistanciel ?? true) &&
    input.heuresDistanciel !== undefined &&
    input.heuresFormation !== undefined &&
    input.heuresFormation > 0 &&
    atteintSeuilDistanciel(input.heuresDistanciel, input.heuresFormation);
  return {
    dateConclusion: input.dateConclusion,
    dateDebutContrat: input.dateDebutContrat,
    dateFinContrat: input.dateFinContrat,
    npecAnnuel: montantAnnuel(input.npecAnnuel, { dateConclusion: input.dateConclusion, distanciel80 }),
    majorationRQTHAnnuelle: input.majorationRQTHAnnuelle,
    ...(input.dureeReduite ? { dureeReduite: true } : {}),
    ...(input.niveauCertification !== undefined ? { niveauCertification: input.niveauCertification } : {}),
    ...(input.nouveauContratApresRupture ? { nouveauContratApresRupture: true } : {}),
    iban: input.iban,
    siret: input.siret,
  };
}

/** The participation deducted: the library's, unless a broken variant replaces it. */
function participation(input: EcheancierInput, contrat: ContratFinance, moment: 'engagement' | 'rupture', dateRupture?: string): number | undefined {
  if (!input.comportement) return undefined;
  return input.comportement.participation(participationDuContrat(contrat, dateRupture).montant, moment, forfaitParticipation(contrat));
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

/** The schedule of a contract from its start to `dateFinContrat` (inclusive), the employer participation deducted from E1. */
export function planEcheances(input: EcheancierInput): EcheancePlan[] {
  return orProblem(() => {
    const contrat = contratFinance(input);
    return toPlan(financerContrat(contrat, undefined, participation(input, contrat, 'engagement')).echeances);
  }, 'contrat');
}

/**
 * Schedule after a rupture whose last day is `dateRupture`: years before are kept, the year of the rupture is due pro
 * rata (less the participation: 50 % of the days' amount within the 45-day probatory period), later échéances are
 * dropped unless already invoiced. `current` carries the payments known today.
 */
export function planApresRupture(input: EcheancierInput, dateRupture: string, current: readonly Echeance[]): EcheancePlan[] {
  return orProblem(() => {
    const contrat = contratFinance(input);
    return toPlan(financerRupture(current, dateRupture, contrat, undefined, participation(input, contrat, 'rupture', dateRupture)).echeances);
  }, 'dateRupture');
}

export const totalPlan = (plan: readonly EcheancePlan[]): number => totalEcheancier(plan);
