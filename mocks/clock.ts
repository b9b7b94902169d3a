// The mock's clock: real time shifted by an offset, or frozen; moved only through the admin API or tests.

/** What is persisted so a restart keeps the simulated date. */
export type ClockState = ({ kind: 'offset'; offsetMs: number } | { kind: 'frozen'; at: string }) & {
  /** The CFAs' own clocks (mocks/horloges.ts), saved with the shared one. */
  parCfa?: Record<string, ClockState>;
};

export interface Clock {
  now(): Date;
  set(date: Date): void;
  /** Moves forward by an ISO 8601 duration (`P30D`, `PT2H`, `P1M`), calendar-aware for years and months. */
  advance(duration: string): void;
  state(): ClockState;
}

class MockClock implements Clock {
  constructor(
    private current: ClockState,
    private readonly realNow: () => number = Date.now,
  ) {}

  now(): Date {
    return this.current.kind === 'frozen' ? new Date(this.current.at) : new Date(this.realNow() + this.current.offsetMs);
  }

  set(date: Date): void {
    this.current =
      this.current.kind === 'frozen' ? { kind: 'frozen', at: date.toISOString() } : { kind: 'offset', offsetMs: date.getTime() - this.realNow() };
  }

  advance(duration: string): void {
    this.set(addDuration(this.now(), duration));
  }

  state(): ClockState {
    return { ...this.current };
  }
}

/** Real time plus an offset (0 by default): what the CLI uses. */
export function systemClock(offsetMs = 0): Clock {
  return new MockClock({ kind: 'offset', offsetMs });
}

/** A clock that never moves by itself: what tests use. */
export function frozenClock(at: string | Date): Clock {
  return new MockClock({ kind: 'frozen', at: new Date(at).toISOString() });
}

export function clockFromState(state: ClockState): Clock {
  const { parCfa: _ownClocks, ...own } = state;
  return new MockClock(own as ClockState);
}

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export class DurationError extends Error {}

type DurationParts = { years: number; months: number; days: number; ms: number };

/** The configured delays are parsed at every read of a dossier's state: a handful of strings, parsed once each. */
const parsedDurations = new Map<string, Readonly<DurationParts>>();

/** Parses an ISO 8601 duration into its parts; throws `DurationError` for anything else (negative, empty, `P`). */
export function parseDuration(duration: string): DurationParts {
  const known = parsedDurations.get(duration);
  if (known) return { ...known };
  const parts = parseDurationText(duration);
  if (parsedDurations.size >= 256) parsedDurations.clear();
  parsedDurations.set(duration, parts);
  return { ...parts };
}

function parseDurationText(duration: string): DurationParts {
  const m = DURATION.exec(duration);
  if (!m || duration === 'P' || duration.endsWith('T')) throw new DurationError(`not an ISO 8601 duration: ${duration}`);
  const n = (i: number): number => Number(m[i] ?? 0);
  return {
    years: n(1),
    months: n(2),
    days: n(3) * 7 + n(4),
    ms: ((n(5) * 60 + n(6)) * 60 + n(7)) * 1000,
  };
}

/** Adds a duration in UTC: years and months on the calendar (clamped to the month's end), then days and time. */
export function addDuration(date: Date, duration: string): Date {
  const d = parseDuration(duration);
  const result = new Date(date.getTime());
  if (d.years || d.months) {
    const day = result.getUTCDate();
    result.setUTCDate(1);
    result.setUTCMonth(result.getUTCMonth() + d.years * 12 + d.months);
    const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
    result.setUTCDate(Math.min(day, lastDay));
  }
  return new Date(result.getTime() + d.days * 86_400_000 + d.ms);
}

/** `YYYY-MM-DD` of an instant, in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
