// An ISO 8601 duration as milliseconds of waiting (months as 30 days, years as 365): a bound on polling, not a date.
import { parseDuration } from '../../mocks/clock.js';

export function dureeMs(duration: string): number {
  const d = parseDuration(duration);
  return ((d.years * 365 + d.months * 30 + d.days) * 86_400_000) + d.ms;
}
