// Legal minimum rates of the apprentice's remuneration (D6222-26), as a percentage of the SMIC (or SMC from 21).
import { parseIsoDate, type Ymd } from './calendar.js';
import type { IsoDate } from '../model/payloads.js';

/** Contracts concluded from this date follow the grid of the 2018 law (Décret n° 2018-1347). */
export const DEBUT_GRILLE_2019: Ymd = 20190101;

export type Grille = 'depuis-2019' | 'avant-2019';

/** Rows: contract year 1, 2, 3 (year 4 and later = year 3); columns: age tranches. */
const GRILLE_2019 = [
  [27, 43, 53, 100],
  [39, 51, 61, 100],
  [55, 67, 78, 100],
] as const;

/** Pre-2019 grid: tranches < 18, 18–20, 21 and more (research §2.6, legisocial). */
const GRILLE_AVANT_2019 = [
  [25, 41, 53],
  [37, 49, 61],
  [53, 65, 78],
] as const;

export function grilleApplicable(dateConclusion: IsoDate | Ymd): Grille {
  const date = typeof dateConclusion === 'number' ? dateConclusion : parseIsoDate(dateConclusion);
  return date !== undefined && date < DEBUT_GRILLE_2019 ? 'avant-2019' : 'depuis-2019';
}

/** Age tranche index: 0 under 18, 1 for 18–20, 2 for 21–25, 3 from 26 (the pre-2019 grid stops at 2). */
export function trancheAge(age: number, grille: Grille): number {
  if (age < 18) return 0;
  if (age < 21) return 1;
  if (age < 26 || grille === 'avant-2019') return 2;
  return 3;
}

/**
 * Minimum rate (% of SMIC, or of the SMC from 21 when larger) for an apprentice of `age` (whole years) in
 * contract year `anneeContrat` (1-based; years after the 3rd keep the 3rd year's rate), for a contract concluded
 * on `dateConclusion` (before 2019-01-01 the former grid applies; an unreadable date means the current grid).
 */
export function tauxMinimal(age: number, anneeContrat: number, dateConclusion: IsoDate | Ymd): number {
  if (!Number.isInteger(anneeContrat) || anneeContrat < 1) {
    throw new RangeError(`anneeContrat must be an integer ≥ 1, received ${anneeContrat}`);
  }
  const grille = grilleApplicable(dateConclusion);
  const row = Math.min(anneeContrat, 3) - 1;
  const tranche = trancheAge(age, grille);
  const rates = grille === 'depuis-2019' ? GRILLE_2019[row] : GRILLE_AVANT_2019[row];
  return rates?.[tranche] ?? 100;
}

/** The ages at which the rate may change, in increasing order. */
export const SEUILS_AGE = [18, 21, 26] as const;
