// Calendar arithmetic on plain integers (YYYYMMDD) so that rules compare and age dates without Date objects or regexes.

/** A calendar date encoded as `year * 10000 + month * 100 + day` (e.g. 2025-09-01 → 20250901); ordering is numeric. */
export type Ymd = number;

const DIGIT_0 = 48;

function digits(s: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - DIGIT_0;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : (MONTH_DAYS[m - 1] ?? 0);
}

/**
 * Reads `YYYY-MM-DD`, also accepting a time suffix (`YYYY-MM-DDT00:00:00Z`, seen in OPCO answers, research §4).
 * Returns undefined for anything else, including impossible days such as 2025-02-30.
 */
export function parseIsoDate(value: unknown): Ymd | undefined {
  if (typeof value !== 'string' || value.length < 10) return undefined;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  if (value.length > 10 && value.charCodeAt(10) !== 84 && value.charCodeAt(10) !== 32) return undefined;
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 2);
  const d = digits(value, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return y * 10000 + m * 100 + d;
}

export const ymd = (y: number, m: number, d: number): Ymd => y * 10000 + m * 100 + d;
export const yearOf = (date: Ymd): number => Math.floor(date / 10000);
export const monthOf = (date: Ymd): number => Math.floor(date / 100) % 100;
export const dayOf = (date: Ymd): number => date % 100;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatIsoDate(date: Ymd): string {
  return `${pad(yearOf(date), 4)}-${pad(monthOf(date), 2)}-${pad(dayOf(date), 2)}`;
}

/** Adds (or subtracts) months; the day is clamped to the end of the target month (Jan 31 + 1 month → Feb 28/29). */
export function addMonths(date: Ymd, months: number): Ymd {
  const total = yearOf(date) * 12 + (monthOf(date) - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return ymd(y, m, Math.min(dayOf(date), daysInMonth(y, m)));
}

export const addYears = (date: Ymd, years: number): Ymd => addMonths(date, years * 12);

/** Days since 1970-01-01 (proleptic Gregorian), for day counts and day arithmetic. */
export function toSerial(date: Ymd): number {
  let y = yearOf(date);
  const m = monthOf(date);
  const d = dayOf(date);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromSerial(serial: number): Ymd {
  const z = serial + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return ymd(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

/** Adds (or subtracts) days; the day before and the day after, the rules' usual steps, skip the serial conversion. */
export function addDays(date: Ymd, days: number): Ymd {
  if (days === 1 || days === -1) {
    const d = dayOf(date);
    const last = daysInMonth(yearOf(date), monthOf(date));
    if (days === 1 ? d < last : d > 1 && d <= last) return date + days;
  }
  return fromSerial(toSerial(date) + days);
}

/** Number of days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: Ymd, to: Ymd): number => toSerial(to) - toSerial(from);

/** Age in whole years ("ans révolus") on `at`; someone born on 29 February becomes a year older on 1 March. */
export function ageAt(birth: Ymd, at: Ymd): number {
  const years = yearOf(at) - yearOf(birth);
  return at % 10000 < birth % 10000 ? years - 1 : years;
}

/** The date someone born on `birth` reaches `age` (29 February births reach it on 1 March in common years). */
export function birthdayAt(birth: Ymd, age: number): Ymd {
  const y = yearOf(birth) + age;
  const m = monthOf(birth);
  const d = dayOf(birth);
  return d > daysInMonth(y, m) ? ymd(y, m + 1, 1) : ymd(y, m, d);
}

/** First day of the month after `date` (remuneration changes "le premier jour du mois suivant" the birthday). */
export function firstOfNextMonth(date: Ymd): Ymd {
  const m = monthOf(date);
  return m === 12 ? ymd(yearOf(date) + 1, 1, 1) : ymd(yearOf(date), m + 1, 1);
}

/**
 * Whole months from `from` to `to`: the largest n with addMonths(from, n) ≤ to (negative when `to` < `from`).
 * 2025-09-08 → 2026-03-07 is 5 months, → 2026-03-08 is 6 months.
 */
export function wholeMonthsBetween(from: Ymd, to: Ymd): number {
  if (to < from) return -wholeMonthsBetween(to, from);
  let n = (yearOf(to) - yearOf(from)) * 12 + (monthOf(to) - monthOf(from));
  if (addMonths(from, n) > to) n -= 1;
  return n;
}
