// The server suite against the conformant mock and each deliberately broken variant: it fails exactly the rules the variant breaks.
import { describe, expect, it } from 'vitest';
import { VARIANTS } from '../../mocks/variants/index.js';
import { bundledSpecPath } from '../../spec/load.js';
import { loadResponseSchemas, loadScenarios, runSuite } from '../../conformance/suite/index.js';
import { startSuiteMock } from '../../conformance/suite/testdata.js';

describe('convergence test opco against broken variants of the mock', () => {
  for (const variant of VARIANTS) {
    it(`${variant.id} fails ${variant.breaks.join(', ')}`, async () => {
      const mock = await startSuiteMock({ breaks: [variant.id] });
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
        const failed = report.rules.filter((r) => r.outcome === 'fail' || r.outcome === 'error').map((r) => r.ruleId).sort();
        expect(failed).toEqual([...variant.breaks].sort());
        expect(report.exitCode).toBe(1);
      } finally {
        await mock.close();
      }
    }, 60_000);
  }
});
