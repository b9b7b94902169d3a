// The server suite against the conformant mock and each deliberately broken variant: it fails exactly the rules the variant breaks.
import { describe, expect, it } from 'vitest';
import { VARIANTS } from '../../mocks/variants/index.js';
import { bundledSpecPath } from '../../spec/load.js';
import { loadResponseSchemas, loadScenarios, runSuite } from '../../conformance/suite/index.js';
import { startSuiteMock, SUITE_CONFIG } from '../../conformance/suite/testdata.js';

/** Pages of 10: the run's listings span several pages, so the walks leave page 1 (serveur-pagination-numero-page). */
const PAGES_COURTES = { ...SUITE_CONFIG, pageSize: 10 };

async function failedRules(breaks: string[]): Promise<{ failed: string[]; skipped: string[]; blocking: boolean; exitCode: number }> {
  const mock = await startSuiteMock({ breaks, config: PAGES_COURTES });
  try {
    const report = await runSuite({
      target: mock.target,
      scenarios: loadScenarios(),
      seed: 20_251_123,
      runId: 'V1',
      timeoutMs: 10_000,
      pollIntervalMs: 10,
      schemas: await loadResponseSchemas(bundledSpecPath()),
    });
    return {
      failed: report.rules.filter((r) => r.outcome === 'fail' || r.outcome === 'error').map((r) => r.ruleId).sort(),
      skipped: report.rules.filter((r) => r.outcome === 'skip').map((r) => r.ruleId),
      blocking: report.rules.some((r) => r.outcome === 'fail' && r.severity === 'bloquant'),
      exitCode: report.exitCode,
    };
  } finally {
    await mock.close();
  }
}

describe('convergence test opco against broken variants of the mock', () => {
  it('passes the conformant mock paged by 10 (walks of several pages)', async () => {
    expect(await failedRules([])).toEqual({ failed: [], skipped: [], blocking: false, exitCode: 0 });
  }, 60_000);

  for (const variant of VARIANTS) {
    it(`${variant.id} fails ${variant.breaks.join(', ')}`, async () => {
      const { failed, blocking, exitCode } = await failedRules([variant.id]);
      expect(failed).toEqual([...variant.breaks].sort());
      // Exit 1 when a blocking rule fails; a variant breaking only recommendations is reported with exit 0.
      expect(exitCode).toBe(blocking ? 1 : 0);
    }, 60_000);
  }
});
