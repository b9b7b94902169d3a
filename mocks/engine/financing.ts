// The mock's échéancier: splits the committed amount into échéances (research §2.3) and recomputes it on a rupture (§2.4).
//
// Used until conformance/financing is available to the mock; the regimes follow norme.md §2.3:
// contracts concluded from 2025-07-01: daily prorata, 40/30/20/10 per year of execution; before: 40/30/30 with
// every started month due; contracts shorter than a year: 50 % at the start and the balance at the end.
import type { EcheancePlan } from '../store/types.js';

export interface EcheancierInput {
  dateConclusion: string;
  dateDebutContrat: string;
  dateFinContrat: string;
  /** Annual NPEC (pedagogical amount). */
  npecAnnuel: number;
  /** Annual RQTH majoration (0 when none). */
  majorationRQTHAnnuelle: number;
  iban: string;
  siret: string;
}

const DAY = 86_400_000;
const REGIME_2025 = '2025-07-01';

const toDate = (iso: string): Date => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
const toIso = (d: Date): string => d.toISOString().slice(0, 10);
const round2 = (n: number): number => Math.round(n * 100) / 100;

function addMonths(d: Date, months: number): Date {
  const r = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(r.getUTCFullYear(), r.getUTCMonth() + 1, 0)).getUTCDate();
  r.setUTCDate(Math.min(d.getUTCDate(), last));
  return r;
}

function monthsStarted(from: Date, toInclusive: Date): number {
  let n = 0;
  while (addMonths(from, n) <= toInclusive) n++;
  return n;
}

/** The schedule of a contract from its start to `dateFinContrat` (inclusive). */
export function planEcheances(input: EcheancierInput): EcheancePlan[] {
  const start = toDate(input.dateDebutContrat);
  const end = toDate(input.dateFinContrat);
  const daily = input.dateConclusion >= REGIME_2025;
  const annual = input.npecAnnuel + input.majorationRQTHAnnuelle;
  const rqthShare = annual === 0 ? 0 : input.majorationRQTHAnnuelle / annual;
  const plan: EcheancePlan[] = [];
  const push = (amount: number, ouverture: Date, debut: Date, fin: Date): void => {
    const montantTotal = round2(amount);
    const montantMajorationRQTH = round2(montantTotal * rqthShare);
    const numero = plan.length + 1;
    plan.push({
      numero,
      codification: `E${numero}`,
      montantTotal,
      montantPedagogique: round2(montantTotal - montantMajorationRQTH),
      montantMajorationRQTH,
      dateOuverture: toIso(ouverture),
      dateDebut: toIso(debut),
      dateFin: toIso(fin),
      iban: input.iban,
      siret: input.siret,
    });
  };
  if (end < start) return plan;

  const shortContract = addMonths(start, 12) > new Date(end.getTime() + DAY);
  if (shortContract) {
    const total = daily ? (annual * ((end.getTime() - start.getTime()) / DAY + 1)) / 365 : (annual * monthsStarted(start, end)) / 12;
    const first = round2(total / 2);
    push(first, start, start, end);
    push(round2(total) - first, end, start, end);
    return plan;
  }

  const split = daily ? [0.4, 0.3, 0.2, 0.1] : [0.4, 0.3, 0.3];
  const offsets = daily ? [0, 6, 9] : [0, 6, 9];
  for (let year = 0; ; year++) {
    const yearStart = addMonths(start, 12 * year);
    if (yearStart > end) break;
    const nextYear = addMonths(start, 12 * (year + 1));
    const yearEnd = new Date(Math.min(nextYear.getTime() - DAY, end.getTime()));
    const fraction = daily
      ? nextYear.getTime() - DAY <= end.getTime()
        ? 1
        : ((yearEnd.getTime() - yearStart.getTime()) / DAY + 1) / 365
      : Math.min(12, monthsStarted(yearStart, yearEnd)) / 12;
    const yearTotal = round2(annual * fraction);
    let given = 0;
    split.forEach((share, i) => {
      const last = i === split.length - 1;
      const amount = last ? round2(yearTotal - given) : round2(yearTotal * share);
      given = round2(given + amount);
      const opening = i < offsets.length ? addMonths(yearStart, offsets[i] ?? 0) : yearEnd;
      push(amount, opening > yearEnd ? yearEnd : opening, yearStart, yearEnd);
    });
  }
  return plan;
}

/** Schedule after a rupture: financing follows the contract's real duration, so the plan is rebuilt up to the rupture. */
export function planApresRupture(input: EcheancierInput, dateRupture: string): EcheancePlan[] {
  return planEcheances({ ...input, dateFinContrat: dateRupture < input.dateFinContrat ? dateRupture : input.dateFinContrat });
}

export const totalPlan = (plan: EcheancePlan[]): number => round2(plan.reduce((sum, e) => sum + e.montantTotal, 0));
