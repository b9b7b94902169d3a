// The string formats of the spec's schemas: ajv-formats' full formats, with date, time and date-time scanned rather than matched by regex.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type FormatValidate = (value: string) => boolean;
interface FormatDefinition {
  validate: FormatValidate;
  compare?: (a: string, b: string) => number | undefined;
}
type Format = FormatDefinition | RegExp | string | boolean | { type: string; validate: unknown };

/** The id the cached standalone validators `require` for their formats (mocks/spec.ts maps it to this module). */
export const SPEC_FORMATS_MODULE = 'convergence-kit/spec-formats';

const full = (require('ajv-formats/dist/formats') as { fullFormats: Record<string, Format> }).fullFormats;
const original = (name: string): FormatDefinition => full[name] as FormatDefinition;

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};
/** The two-digit number at i, or -1. */
const twoDigits = (s: string, i: number): number => {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
};
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** RFC 3339 full-date, exactly as ajv-formats judges it (`^(\d\d\d\d)-(\d\d)-(\d\d)$`, real month and day). */
function fullDate(s: string, from = 0): boolean {
  const high = twoDigits(s, from);
  const low = twoDigits(s, from + 2);
  if (high < 0 || low < 0 || s.charCodeAt(from + 4) !== 45 || s.charCodeAt(from + 7) !== 45) return false;
  const month = twoDigits(s, from + 5);
  const day = twoDigits(s, from + 8);
  if (month < 1 || month > 12 || day < 1) return false;
  const year = high * 100 + low;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS[month]!);
}

function date(s: string): boolean {
  return s.length === 10 && fullDate(s, 0);
}

/**
 * The common shape of a time with its offset, `HH:MM:SS[.f…](Z|±HH:MM)` within range, from index `from`: a subset
 * of what ajv-formats' time accepts. Anything else (lower-case z, `±HHMM`, leap seconds…) is left to ajv-formats.
 */
function commonTime(s: string, from: number): boolean {
  const n = s.length;
  const hour = twoDigits(s, from);
  const minute = twoDigits(s, from + 3);
  const second = twoDigits(s, from + 6);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  if (s.charCodeAt(from + 2) !== 58 || s.charCodeAt(from + 5) !== 58) return false;
  let i = from + 8;
  if (s.charCodeAt(i) === 46) {
    const start = ++i;
    while (i < n && digit(s, i) >= 0) i++;
    if (i === start) return false;
  }
  const c = s.charCodeAt(i);
  if (c === 90) return i + 1 === n;
  if (c !== 43 && c !== 45) return false;
  const offsetHour = twoDigits(s, i + 1);
  const offsetMinute = twoDigits(s, i + 4);
  return i + 6 === n && s.charCodeAt(i + 3) === 58 && offsetHour >= 0 && offsetHour <= 23 && offsetMinute >= 0 && offsetMinute <= 59;
}

const originalTime = original('time');
const originalDateTime = original('date-time');

function time(s: string): boolean {
  return commonTime(s, 0) || originalTime.validate(s);
}

function dateTime(s: string): boolean {
  return (s.length > 19 && s.charCodeAt(10) === 84 && fullDate(s, 0) && commonTime(s, 11)) || originalDateTime.validate(s);
}

/**
 * ajv-formats' full formats with the same verdicts: these three are on every date of every CERFA, and the regex
 * versions (a `split` by regex for date-time) cost about a third of the schema check.
 */
export const formats: Record<string, Format> = {
  ...full,
  date: { ...original('date'), validate: date },
  time: { ...originalTime, validate: time },
  'date-time': { ...originalDateTime, validate: dateTime },
};
