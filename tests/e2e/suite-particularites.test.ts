// The server suite against a mock with one OPCO wire quirk: accepted when the profile declares it, judged by the norm when not.
import { describe, expect, it } from 'vitest';
import { particularitesDeLaCible } from '../../cli/commands/test-opco-cible.js';
import type { ParticularitesCible } from '../../conformance/suite/particularites.js';
import { bundledProfiles } from '../../mocks/profiles.js';
import { bundledSpecPath } from '../../spec/load.js';
import { loadResponseSchemas, loadScenarios, runSuite } from '../../conformance/suite/index.js';
import type { SuiteReport } from '../../reports/suite/model.js';
import { SUITE_CONFIG, startSuiteMock } from '../../conformance/suite/testdata.js';

/**
 * Each quirk of wire-format.md §2, and the rules a server showing it fails when its profile does not declare it:
 * what the norm's schemas refuse. A member beside `errors[]` is tolerated by the norm (its schema is open), and so
 * are date-times in a read CERFA and natures in words (the spec lists both forms).
 */
const CAS: { quirk: ParticularitesCible; sansDeclaration: string[] }[] = [
  // The age scenario's deposit is judged under its planted rule too.
  { quirk: { depotStatus: 200 }, sansDeclaration: ['eligibilite-age-maximum', 'serveur-depot-cerfa-transmis'] },
  // Tolerated by the open error schema, but not documented: a warning only (exit 0), gone once declared.
  { quirk: { erreurDescriptionRacine: 'description' }, sansDeclaration: ['serveur-membre-non-documente'] },
  { quirk: { erreurDescriptionRacine: 'comment' }, sansDeclaration: ['serveur-membre-non-documente'] },
  { quirk: { employeurV2: true }, sansDeclaration: ['serveur-reponse-conforme-spec'] },
  // The page inside the array is still read (walked, counted, searched for leaks): only the schema refuses the wrapping.
  { quirk: { pageEtatsEnveloppeTableau: true }, sansDeclaration: ['serveur-reponse-conforme-spec'] },
  // The spec's NatureFrais lists both spellings: the norm tolerates it too.
  { quirk: { naturesFraisCasse: 'mots' }, sansDeclaration: [] },
  { quirk: { formeDates: 'date-time' }, sansDeclaration: [] },
  { quirk: { etatRupture: 'RUPTU' }, sansDeclaration: ['serveur-reponse-conforme-spec'] },
];

/** The suite against the mock whose root profile shows `quirk`, the target declaring `declared`. */
async function play(quirk: ParticularitesCible, declared: ParticularitesCible | undefined): Promise<SuiteReport> {
  const mock = await startSuiteMock({ config: { ...SUITE_CONFIG, opcos: { norme: quirk } } });
  try {
    return await runSuite({
      target: { ...mock.target, ...(declared ? { particularites: declared } : {}) },
      scenarios: loadScenarios(),
      seed: 20_251_123,
      runId: 'Q1',
      timeoutMs: 10_000,
      pollIntervalMs: 10,
      schemas: await loadResponseSchemas(bundledSpecPath()),
    });
  } finally {
    await mock.close();
  }
}

const failed = (report: SuiteReport): string[] =>
  report.rules.filter((r) => r.outcome === 'fail' || r.outcome === 'error').map((r) => r.ruleId).sort();

const describeFailures = (report: SuiteReport): string[] =>
  report.rules
    .filter((r) => r.outcome === 'fail' || r.outcome === 'error')
    .map((r) => `${r.ruleId}: ${r.evidence.map((e) => `[${e.scenario}/${e.step} ${e.message ?? ''}]`).join(' ')}`);

describe('convergence test opco and the OPCO quirks of wire-format.md §2', () => {
  for (const { quirk, sansDeclaration } of CAS) {
    const name = Object.entries(quirk).map(([k, v]) => `${k}=${String(v)}`).join(', ');

    it(`accepts ${name} where the profile declares it`, async () => {
      const report = await play(quirk, quirk);
      expect(describeFailures(report)).toEqual([]);
      expect(report.summary.skip).toBe(0);
    }, 60_000);

    it(`without the declaration, ${sansDeclaration.length > 0 ? `fails ${sansDeclaration.join(', ')}` : 'passes (the norm tolerates it)'}`, async () => {
      const report = await play(quirk, undefined);
      expect(failed(report), describeFailures(report).join('\n')).toEqual(sansDeclaration);
    }, 60_000);
  }

  // The bundled profiles that depart from the norm, each served by the mock under /<opco> with its own quirks.
  const declares = [...bundledProfiles().values()].filter((p) => Object.keys(particularitesDeLaCible(p)).length > 0);

  it.each(declares.map((p) => [p.id, p] as const))('passes against the mock serving %s, its profile declaring its quirks', async (_id, profile) => {
    const client = { clientId: 'suite-client', clientSecret: 'suite-secret' };
    const mock = await startSuiteMock({ config: { ...SUITE_CONFIG, opcos: { [profile.id]: { clients: [client] } } } });
    try {
      const report = await runSuite({
        target: {
          ...mock.target,
          url: `${mock.url}/${profile.id}`,
          adminUrl: mock.url,
          capacites: [...profile.capabilities, ...profile.versions],
          statutInconnu: profile.unknownNumeroInterneStatus,
          particularites: particularitesDeLaCible(profile),
          ...(profile.oauth2Required ? { oauth2: { tokenUrl: `${mock.url}/${profile.id}/oauth/token`, ...client, ...(profile.oauth2Scope ? { scope: profile.oauth2Scope } : {}) } } : {}),
        },
        profile: profile.id,
        scenarios: loadScenarios(),
        seed: 20_251_123,
        runId: `P${profile.id.toUpperCase()}`,
        timeoutMs: 10_000,
        pollIntervalMs: 10,
        schemas: await loadResponseSchemas(bundledSpecPath()),
      });
      expect(describeFailures(report)).toEqual([]);
      expect(report.summary.pass).toBeGreaterThan(0);
    } finally {
      await mock.close();
    }
  }, 60_000);
});
