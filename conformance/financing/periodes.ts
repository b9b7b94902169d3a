// Contract years (anniversary years of the start date) and the share of the annual amount a stretch of one is due.
import { addDays, addMonths, daysBetween, parseIsoDate, wholeMonthsBetween, type Ymd } from '../remuneration/calendar.js';
import type { IsoDate } from '../model/payloads.js';
import { mulDivHalfUp, type Cents } from './cents.js';
import type { ModeProrata } from './params.js';

/** Invalid input to a financing computation (unreadable date, end before start, contract before 2020…). */
export class FinancementError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FinancementError';
  }
}

export function dateOrThrow(value: IsoDate, field: string): Ymd {
  const d = parseIsoDate(value);
  if (d === undefined) throw new FinancementError(`${field}: date illisible « ${String(value)} » (attendu YYYY-MM-DD)`);
  return d;
}

/** One year of execution of the contract, cut at the end of the contract. */
export interface AnneeContrat {
  /** 0 for the first year. */
  index: number;
  debut: Ymd;
  /** Last day financed in this year: the day before the next anniversary, or the contract's end. */
  fin: Ymd;
  /** Last day of the full anniversary year. */
  finAnnee: Ymd;
  /** Days of the full anniversary year: 366 when it holds a 29 February, else 365. */
  joursAnnee: number;
}

/**
 * The contract years from `debut` to `fin` (both included). Anniversaries are always counted from the start date
 * (start + 12k months, 29 February falling back to 28 February), so they never drift.
 */
export function anneesContrat(debut: Ymd, fin: Ymd): AnneeContrat[] {
  const annees: AnneeContrat[] = [];
  for (let k = 0; ; k++) {
    const start = addMonths(debut, 12 * k);
    if (start > fin) break;
    const next = addMonths(debut, 12 * (k + 1));
    const finAnnee = addDays(next, -1);
    annees.push({ index: k, debut: start, fin: finAnnee < fin ? finAnnee : fin, finAnnee, joursAnnee: daysBetween(start, next) });
  }
  return annees;
}

/** A contract shorter than one year: it ends before the day before its first anniversary. */
export const estContratCourt = (debut: Ymd, fin: Ymd): boolean => fin < addDays(addMonths(debut, 12), -1);

/** Months started from `debut` to `fin` included ("tout mois commencé est dû"), at most 12 within one contract year. */
export function moisCommences(debut: Ymd, fin: Ymd): number {
  if (fin < debut) return 0;
  return Math.min(12, wholeMonthsBetween(debut, fin) + 1);
}

/** Days from `debut` to `fin` included. */
export const joursInclus = (debut: Ymd, fin: Ymd): number => (fin < debut ? 0 : daysBetween(debut, fin) + 1);

/**
 * The part of `annuel` due for the stretch `annee.debut` → `fin` of a contract year: a full year is exactly the
 * annual amount; otherwise months started / 12 (mensuel) or days / days of that contract year (journalier),
 * rounded half up to the cent.
 */
export function prorataAnnee(annuel: Cents, annee: AnneeContrat, fin: Ymd, mode: ModeProrata): Cents {
  const last = fin < annee.finAnnee ? fin : annee.finAnnee;
  if (last >= annee.finAnnee) return annuel;
  if (mode === 'mensuel') return mulDivHalfUp(annuel, moisCommences(annee.debut, last), 12);
  return mulDivHalfUp(annuel, joursInclus(annee.debut, last), annee.joursAnnee);
}
