// The payment schedule (échéancier) of a contract per R6332-25 as versioned by date of conclusion, and its recomputation after a rupture.
import { addMonths, formatIsoDate, parseIsoDate, type Ymd } from '../remuneration/calendar.js';
import type { Echeance } from '../model/dossier.js';
import type { IsoDate } from '../model/payloads.js';
import { mulDivHalfUp, splitByPercents, toCents, toEuros, type Cents } from './cents.js';
import { loadFinancementParams, plafondMajorationRQTH, regimeEcheancier, type FinancementParams, type Ouverture, type RegimeEcheancier, type Repartition } from './params.js';
import { anneesContrat, dateOrThrow, estContratCourt, FinancementError, prorataAnnee, type AnneeContrat } from './periodes.js';

export interface EcheancierInput {
  /** Date of conclusion (signature): chooses the regime. */
  dateConclusion: IsoDate;
  dateDebutContrat: IsoDate;
  /** Last day of the contract (included). */
  dateFinContrat: IsoDate;
  /** Annual amount financed, euros: the NPEC after minorations (see montantAnnuel). */
  npecAnnuel: number;
  /** Annual RQTH majoration, euros (0 or absent when none), capped at the annual cap in force (4 000 € from 2021-01-01); scheduled like the NPEC, shown apart. */
  majorationRQTHAnnuelle?: number;
  /** Contract shorter than one year whose duration was reduced: +10 % of the prorated NPEC, capped at the NPEC. */
  dureeReduite?: boolean;
  /** Employer participation (participationEmployeur().montant), deducted from the first payment (E1, then E2… if E1 is smaller). */
  participationEmployeur?: number;
  /** IBAN and SIRET expected on the invoices of every échéance. */
  iban: string;
  siret: string;
}

interface Dates {
  debut: Ymd;
  fin: Ymd;
  court: boolean;
  regime: RegimeEcheancier;
}

function readInput(input: EcheancierInput, params: FinancementParams): Dates {
  dateOrThrow(input.dateConclusion, 'dateConclusion');
  const debut = dateOrThrow(input.dateDebutContrat, 'dateDebutContrat');
  const fin = dateOrThrow(input.dateFinContrat, 'dateFinContrat');
  if (fin < debut) throw new FinancementError(`dateFinContrat ${input.dateFinContrat} est antérieure à dateDebutContrat ${input.dateDebutContrat}`);
  for (const [field, value] of [
    ['npecAnnuel', input.npecAnnuel],
    ['majorationRQTHAnnuelle', input.majorationRQTHAnnuelle ?? 0],
    ['participationEmployeur', input.participationEmployeur ?? 0],
  ] as const) {
    if (!Number.isFinite(value) || value < 0) throw new FinancementError(`${field}: montant invalide ${value}`);
  }
  const regime = regimeEcheancier(input.dateConclusion, params);
  if (!regime) {
    throw new FinancementError(`aucun échéancier pour un contrat conclu le ${input.dateConclusion} (seuls les contrats conclus à partir du ${params.regimes[0]?.dateDebut ?? '2020-01-01'} sont financés ainsi)`);
  }
  return { debut, fin, court: estContratCourt(debut, fin), regime };
}

/** Amounts due for one contract year, cents: pedagogical (NPEC) and RQTH majoration. */
interface DuAnnee {
  pedagogique: Cents;
  rqth: Cents;
}

/** What is due for the stretch of `annee` ending on `fin`, with the reduced-duration majoration (participation not deducted). */
function duAnnee(input: EcheancierInput, dates: Dates, annee: AnneeContrat, fin: Ymd, params: FinancementParams): DuAnnee {
  const npec = toCents(input.npecAnnuel);
  let pedagogique = prorataAnnee(npec, annee, fin, dates.regime.prorata);
  if (dates.court && input.dureeReduite) {
    pedagogique = Math.min(npec, mulDivHalfUp(pedagogique, 100 + params.majorations.dureeReduite.tauxPourcent, 100));
  }
  let rqthAnnuel = toCents(input.majorationRQTHAnnuelle ?? 0);
  const plafond = plafondMajorationRQTH(input.dateConclusion, params);
  if (plafond !== undefined) rqthAnnuel = Math.min(rqthAnnuel, toCents(plafond));
  return { pedagogique, rqth: prorataAnnee(rqthAnnuel, annee, fin, dates.regime.prorata) };
}

/** Takes `montant` off the first shares in order (the employer participation comes off the first payment). */
function deduire(shares: Cents[], montant: Cents): void {
  let left = montant;
  for (let i = 0; i < shares.length && left > 0; i++) {
    const taken = Math.min(shares[i] ?? 0, left);
    shares[i] = (shares[i] ?? 0) - taken;
    left -= taken;
  }
}

function ouverture(annee: AnneeContrat, o: Ouverture): Ymd {
  if (o === 'fin') return annee.fin;
  const d = addMonths(annee.debut, o);
  // An opening later than the (possibly cut) year falls back to its last day: the balance is due at the end.
  return d > annee.fin ? annee.fin : d;
}

function repartitionOf(dates: Dates): Repartition {
  return dates.court && dates.regime.contratCourt ? dates.regime.contratCourt : dates.regime;
}

/**
 * The échéancier of a contract: for each contract year (anniversary years of the start date, the last one cut at the
 * contract's end) the amount due — the annual amount for a full year; otherwise prorated by months started
 * (contracts concluded before 2025-07-01, "tout mois commencé est dû") or by days over the days of that contract year
 * (from 2025-07-01) — split by the regime's percents (50/25/25, 40/30/30, 40/30/20/10; 50/50 for a contract under one
 * year before 2025-07-01). Pedagogical amount and RQTH majoration are prorated and split separately, each rounded half
 * up to the cent with its remainder on the year's last échéance, so the échéances always sum to the yearly amounts.
 * Échéances are numbered 1..n (codified E1..En); each opens at the start of its year, +6 months, +9 months or at the
 * year's end (capped at the year's last day); dateDebut/dateFin are the contract year (cut at the contract's end).
 * A contract under one year with `dureeReduite` gets +10 % of its prorated NPEC, capped at the annual NPEC; the employer
 * participation comes off the first year's first échéance (then the next ones if it is larger).
 */
export function computeEcheancier(input: EcheancierInput, params: FinancementParams = loadFinancementParams()): Echeance[] {
  const dates = readInput(input, params);
  const { repartition, ouvertures } = repartitionOf(dates);
  const echeances: Echeance[] = [];
  for (const annee of anneesContrat(dates.debut, dates.fin)) {
    const du = duAnnee(input, dates, annee, annee.fin, params);
    const pedagogique = splitByPercents(du.pedagogique, repartition);
    if (annee.index === 0) deduire(pedagogique, toCents(input.participationEmployeur ?? 0));
    const rqth = splitByPercents(du.rqth, repartition);
    repartition.forEach((_, i) => {
      const numero = echeances.length + 1;
      const p = pedagogique[i] ?? 0;
      const r = rqth[i] ?? 0;
      echeances.push({
        numero,
        codification: `E${numero}`,
        montantTotal: toEuros(p + r),
        montantPedagogique: toEuros(p),
        montantMajorationRQTH: toEuros(r),
        montantRegle: 0,
        montantEnCoursInstruction: 0,
        dateOuverture: formatIsoDate(ouverture(annee, ouvertures[i] ?? 0)),
        dateDebut: formatIsoDate(annee.debut),
        dateFin: formatIsoDate(annee.fin),
        iban: input.iban,
        siret: input.siret,
      });
    });
  }
  return echeances;
}

/** Total of an échéancier, euros, exact to the cent. */
export function totalEcheancier(echeances: readonly Pick<Echeance, 'montantTotal'>[]): number {
  return toEuros(echeances.reduce((acc, e) => acc + toCents(e.montantTotal), 0));
}

/** The contract year an échéance belongs to: the one holding its dateDebut (or its dateOuverture when it has none). */
function anneeOf(e: Echeance, annees: readonly AnneeContrat[]): AnneeContrat | undefined {
  const key = parseIsoDate(e.dateDebut ?? e.dateOuverture) ?? parseIsoDate(e.dateOuverture);
  if (key === undefined) return undefined;
  return annees.find((a) => a.debut <= key && key <= a.finAnnee);
}

/**
 * The échéancier after a rupture whose last day is `dateRupture`: financing follows the contract's real duration.
 * Years ended before the rupture are unchanged; the year of the rupture is due pro rata (months started before
 * 2025-07-01, days after — same rule as computeEcheancier) and its échéances receive that amount in order, each up to
 * its own amount: the last one reached is reduced, the later ones are dropped, and a kept échéance that would open
 * after the rupture opens on the rupture date (the balance is due at the end of the contract). Years after the rupture
 * are dropped. Numbers, codifications and payments (montantRegle, montantEnCoursInstruction) are kept; an échéance
 * already paid but no longer due stays with montantTotal 0, so the overpayment shows. `contrat` is the input the
 * échéancier was computed from (its participationEmployeur is deducted again from the first year, so pass the
 * recomputed participation for a rupture in the probatory period).
 */
export function prorataRupture(
  echeancier: readonly Echeance[],
  dateRupture: IsoDate,
  contrat: EcheancierInput,
  params: FinancementParams = loadFinancementParams(),
): Echeance[] {
  const dates = readInput(contrat, params);
  const rupture = dateOrThrow(dateRupture, 'dateRupture');
  if (rupture >= dates.fin) return echeancier.map((e) => ({ ...e }));
  const annees = anneesContrat(dates.debut, dates.fin);
  const ruptureIso = formatIsoDate(rupture);
  const restant = new Map<number, DuAnnee>();
  const result: Echeance[] = [];
  for (const e of [...echeancier].sort((a, b) => a.numero - b.numero)) {
    const annee = anneeOf(e, annees);
    const paid = toCents(e.montantRegle) + toCents(e.montantEnCoursInstruction) > 0;
    if (!annee || annee.fin <= rupture) {
      if (!annee && (parseIsoDate(e.dateOuverture) ?? 0) > rupture && !paid) continue;
      result.push({ ...e });
      continue;
    }
    if (annee.debut > rupture) {
      if (paid) result.push({ ...e, montantTotal: 0, montantPedagogique: 0, montantMajorationRQTH: 0 });
      continue;
    }
    let left = restant.get(annee.index);
    if (!left) {
      left = duAnnee(contrat, dates, annee, rupture, params);
      if (annee.index === 0) left.pedagogique = Math.max(0, left.pedagogique - toCents(contrat.participationEmployeur ?? 0));
      restant.set(annee.index, left);
    }
    const pedagogique = Math.min(toCents(e.montantPedagogique), left.pedagogique);
    const rqth = Math.min(toCents(e.montantMajorationRQTH), left.rqth);
    left.pedagogique -= pedagogique;
    left.rqth -= rqth;
    if (pedagogique + rqth === 0 && !paid) continue;
    const opensAfter = (parseIsoDate(e.dateOuverture) ?? rupture) > rupture;
    result.push({
      ...e,
      montantTotal: toEuros(pedagogique + rqth),
      montantPedagogique: toEuros(pedagogique),
      montantMajorationRQTH: toEuros(rqth),
      dateOuverture: opensAfter ? ruptureIso : e.dateOuverture,
      dateFin: ruptureIso,
    });
  }
  return result;
}
