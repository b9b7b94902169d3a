// The mock clock: ISO 8601 durations on the calendar, frozen and offset clocks.
import { describe, expect, it } from 'vitest';
import { addDuration, DurationError, frozenClock, parseDuration, systemClock } from './clock.js';

describe('durations', () => {
  it('adds days, weeks and time', () => {
    expect(addDuration(new Date('2026-01-15T10:00:00Z'), 'P30D').toISOString()).toBe('2026-02-14T10:00:00.000Z');
    expect(addDuration(new Date('2026-01-15T10:00:00Z'), 'P1W').toISOString()).toBe('2026-01-22T10:00:00.000Z');
    expect(addDuration(new Date('2026-01-15T10:00:00Z'), 'PT1H30M').toISOString()).toBe('2026-01-15T11:30:00.000Z');
  });

  it('adds months on the calendar, clamped to the end of shorter months', () => {
    expect(addDuration(new Date('2026-01-31T00:00:00Z'), 'P1M').toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(addDuration(new Date('2024-02-29T00:00:00Z'), 'P1Y').toISOString()).toBe('2025-02-28T00:00:00.000Z');
  });

  it('refuses what is not a duration', () => {
    for (const bad of ['', 'P', 'PT', '30D', 'P-1D', 'P1.5D', 'soon']) expect(() => parseDuration(bad), bad).toThrow(DurationError);
  });
});

describe('clocks', () => {
  it('a frozen clock moves only when told', () => {
    const clock = frozenClock('2026-01-15T10:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-01-15T10:00:00.000Z');
    clock.advance('P5D');
    expect(clock.now().toISOString()).toBe('2026-01-20T10:00:00.000Z');
    clock.set(new Date('2027-01-01T00:00:00Z'));
    expect(clock.state()).toEqual({ kind: 'frozen', at: '2027-01-01T00:00:00.000Z' });
  });

  it('an offset clock keeps running from the date it was set to', () => {
    const clock = systemClock();
    clock.set(new Date('2030-06-01T00:00:00Z'));
    const now = clock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(Date.parse('2030-06-01T00:00:00Z'));
    expect(now).toBeLessThan(Date.parse('2030-06-01T00:01:00Z'));
    expect(clock.state().kind).toBe('offset');
  });
});
