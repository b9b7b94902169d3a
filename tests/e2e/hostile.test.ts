// Hostile input, property-based: every spec operation fed wrong types, huge and deep values, tricks and bad bytes never gets a 5xx or a hang.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileCase, judge, startHostileMock, Tally, type HostileMock } from '../support/hostile.js';

const RUNS = Number(process.env.HOSTILE_CASES ?? 10_000);
// The store is reset and seeded again every so often, so valid deposits do not pile up and slow the invoices.
const RESEED_EVERY = 1_000;

let h: HostileMock;
const tally = new Tally();

beforeAll(async () => {
  h = await startHostileMock();
});

afterAll(async () => {
  console.log(tally.report());
  await h?.mock.close();
});

describe('mock under hostile input', () => {
  it(`answers ${RUNS} hostile requests with a 4xx problem naming the field (or a 2xx for valid input), store unchanged on rejection`, async () => {
    let before = await h.snapshot();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(hostileCase(h.target), async (c) => {
        if (++sent % RESEED_EVERY === 0) {
          await h.reseed();
          before = await h.snapshot();
        }
        const t0 = performance.now();
        const outcome = await judge(h, c, before);
        tally.add(c, outcome, performance.now() - t0);
        before = outcome.after ?? (outcome.status < 300 ? await h.snapshot() : before);
        if (outcome.failure) {
          // Resynchronise so the shrunk replays are judged against the real store.
          before = await h.snapshot();
          throw new Error(`${c.category} ${c.method} ${c.url.slice(0, 200)} (${c.note}): ${outcome.failure}`);
        }
      }),
      { numRuns: RUNS, seed: process.env.HOSTILE_SEED ? Number(process.env.HOSTILE_SEED) : undefined, endOnFailure: true },
    );
    expect(tally.failures).toEqual([]);
    // Every category was exercised, and both rejections and acceptances happened (the oracle judged both sides).
    expect(tally.byCategory.size).toBe(15);
    expect([...tally.byStatus.keys()].some((s) => s >= 200 && s < 300)).toBe(true);
    expect([...tally.byStatus.keys()].some((s) => s >= 400 && s < 500)).toBe(true);
  }, 120_000);
});
