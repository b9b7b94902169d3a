// The server suite against an OPCO that requires OAuth2 (the mock's akto profile): it fetches and sends the bearer token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledSpecPath } from '../../spec/load.js';
import { bundledProfiles } from '../../mocks/profiles.js';
import { loadResponseSchemas, loadScenarios, runSuite, TargetUnreachableError, type Target } from '../../conformance/suite/index.js';
import { startSuiteMock, SUITE_CONFIG, type SuiteMock } from '../../conformance/suite/testdata.js';

const CLIENT = { clientId: 'editeur-suite', clientSecret: 'secret-de-la-suite' };
let mock: SuiteMock;
let akto: Target;

beforeAll(async () => {
  mock = await startSuiteMock({ config: { ...SUITE_CONFIG, opcos: { akto: { clients: [CLIENT] } } } });
  const profile = bundledProfiles().get('akto')!;
  akto = {
    ...mock.target,
    url: `${mock.url}/akto`,
    adminUrl: mock.url,
    capacites: [...profile.capabilities, ...profile.versions],
    statutInconnu: profile.unknownNumeroInterneStatus,
    oauth2: { tokenUrl: `${mock.url}/akto/oauth/token`, ...CLIENT, scope: '.default' },
  };
});
afterAll(async () => {
  await mock?.close();
});

const options = async (target: Target, only: string[]) => ({
  target,
  profile: 'akto',
  scenarios: loadScenarios().filter((s) => only.includes(s.id)),
  seed: 7,
  runId: 'OA',
  timeoutMs: 10_000,
  pollIntervalMs: 10,
  schemas: await loadResponseSchemas(bundledSpecPath()),
});

describe('convergence test opco on an OAuth2 profile', () => {
  it('passes the lifecycle and authentication scenarios with the bearer token', async () => {
    const scenarios = loadScenarios().map((s) => s.id).filter((id) => /cycle|cle-|entetes|facture-acceptee|isolation/.test(id));
    expect(scenarios.length).toBeGreaterThan(3);
    const report = await runSuite(await options(akto, scenarios));
    const problems = report.rules.filter((r) => r.outcome === 'fail' || r.outcome === 'error').map((r) => `${r.ruleId}: ${r.evidence[0]?.message ?? r.reason}`);
    expect(problems).toEqual([]);
    expect(report.summary.pass).toBeGreaterThan(3);
    // The token is in the evidence only masked, and the replay command asks for it.
    const json = JSON.stringify(report);
    expect(json).not.toMatch(/Bearer [A-Za-z0-9_-]{8,}/);
  }, 60_000);

  it('without the token the preflight stops the run, naming the key and --client-id, before any finding', async () => {
    const { oauth2: _o, ...sans } = akto;
    const run = runSuite(await options(sans, loadScenarios().map((s) => s.id).filter((id) => /cycle/.test(id))));
    await expect(run).rejects.toBeInstanceOf(TargetUnreachableError);
    await expect(run).rejects.toThrow(/the CFA key was refused \(401\).*--client-id/);
  }, 60_000);

  it('a refused client is a tool error (exit 2 in the CLI), not a finding', async () => {
    const wrong = { ...akto, oauth2: { ...akto.oauth2!, clientSecret: 'pas-le-bon' } };
    await expect(runSuite(await options(wrong, ['cle-absente']))).rejects.toBeInstanceOf(TargetUnreachableError);
  });
});
