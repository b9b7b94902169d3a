// Money in integer cents: exact sums, and one rounding rule (half up, to the cent) applied once per computed amount.
//
// Amounts in payloads are euros with at most two decimals, so euros → cents is exact after Math.round. Every
// prorated or percentage amount is computed as an exact fraction of integers and rounded once, half up (all our
// amounts are ≥ 0, where half up and half away from zero agree): 8 000 € × 370 / 365 = 8 109,589… → 8 109,59 €.
// Integers stay far below 2^53 (a 10 M€ amount × 366 days is ~3.7e11 cents·days).

export type Cents = number;

export function toCents(euros: number): Cents {
  if (!Number.isFinite(euros)) throw new RangeError(`not a finite amount: ${euros}`);
  return Math.round(euros * 100);
}

export const toEuros = (cents: Cents): number => cents / 100;

/** round(value × num / den) half up, for value ≥ 0 and integers num ≥ 0, den > 0. */
export function mulDivHalfUp(value: Cents, num: number, den: number): Cents {
  return Math.floor((2 * value * num + den) / (2 * den));
}

/**
 * Splits `total` by whole percents: every share but the last is rounded half up on its own, the last takes the
 * remainder so the shares always sum to `total` exactly. Should the remainder ever be negative (only conceivable for
 * totals of a few cents), the split falls back to rounding the running totals, which never goes negative.
 */
export function splitByPercents(total: Cents, percents: readonly number[]): Cents[] {
  const shares = percents.map((p, i) => (i === percents.length - 1 ? 0 : mulDivHalfUp(total, p, 100)));
  const given = shares.reduce((a, b) => a + b, 0);
  if (given <= total) {
    shares[shares.length - 1] = total - given;
    return shares;
  }
  let cumulPercent = 0;
  let previous = 0;
  return percents.map((p) => {
    cumulPercent += p;
    const running = mulDivHalfUp(total, cumulPercent, 100);
    const share = running - previous;
    previous = running;
    return share;
  });
}

/** Sum of euro amounts, exact to the cent. */
export function sumEuros(amounts: readonly number[]): number {
  return toEuros(amounts.reduce((acc, a) => acc + toCents(a), 0));
}

/** Two euro amounts equal to the cent (tolerates binary float noise such as 0.1 + 0.2). */
export const sameAmount = (a: number, b: number): boolean => toCents(a) === toCents(b);
