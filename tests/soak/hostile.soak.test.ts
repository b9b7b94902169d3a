// The hostile-input soak (`SOAK_CASES=100000 npx vitest run tests/soak`): every case judged, all failures and counts printed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileCase, judge, startHostileMock, Tally } from '../support/hostile.js';

const CASES = Number(process.env.SOAK_CASES ?? 0);
const SEED = Number(process.env.SOAK_SEED ?? Date.now() % 2 ** 31);
const BATCH = 1_000;

describe.skipIf(CASES <= 0)('hostile soak', () => {
  it(`judges ${CASES} hostile cases (seed ${SEED}), heavy sizes included`, async () => {
    const h = await startHostileMock();
    const tally = new Tally();
    const started = Date.now();
    try {
      let before = await h.snapshot();
      for (let done = 0; done < CASES; done += BATCH) {
        // One batch per reseed: the store stays small, the sample stays reproducible from the seed.
        const cases = fc.sample(hostileCase(h.target, true), { numRuns: Math.min(BATCH, CASES - done), seed: SEED + done });
        for (const c of cases) {
          const t0 = performance.now();
          const outcome = await judge(h, c, before);
          tally.add(c, outcome, performance.now() - t0);
          before = outcome.after ?? (outcome.status < 300 ? await h.snapshot() : before);
          if (outcome.failure) before = await h.snapshot();
        }
        await h.reseed();
        before = await h.snapshot();
        if ((done / BATCH) % 10 === 9) console.log(`  ${done + BATCH} cases, ${tally.failures.length} failure(s), ${Math.round((Date.now() - started) / 1000)} s`);
      }
    } finally {
      await h.mock.close();
    }
    console.log(`seed ${SEED}, ${Math.round((Date.now() - started) / 1000)} s\n${tally.report()}`);
    for (const f of tally.failures.slice(0, 20)) console.log(`FAIL ${f.c.category} ${f.c.method} ${f.c.url.slice(0, 120)} (${f.c.note.slice(0, 120)}): ${f.outcome.failure?.slice(0, 300)}`);
    expect(tally.failures.length).toBe(0);
  }, 24 * 3_600_000);
});
