// `convergence test opco` through main(argv, io): exit codes, report files, waivers, input errors, redaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main.js';
import { startSuiteMock, SUITE_CONFIG, type SuiteMock } from '../../conformance/suite/testdata.js';
import { captureIO } from '../testing.js';

let mock: SuiteMock;
let dir: string;
beforeAll(async () => {
  mock = await startSuiteMock();
  dir = mkdtempSync(join(tmpdir(), 'suite-cli-'));
});
afterAll(async () => {
  await mock?.close();
});

const base = (): string[] => ['node', 'convergence', 'test', 'opco', '--target', mock.url, '--cfa-key', 'suite-cfa-key-1', '--admin-token', 'suite-admin-token', '--seed', '7'];

describe('convergence test opco', () => {
  it('exits 0 against the conformant mock and writes every report format, the key redacted', async () => {
    const io = captureIO(dir);
    const code = await main([...base(), '--cfa-key-2', 'suite-cfa-key-2', '--out', 'out-ok'], io);
    expect(io.out()).toMatch(/0 fail, 0 error/);
    expect(code).toBe(0);
    for (const name of ['report.json', 'report.junit.xml', 'report.sarif', 'report.md', 'report.html']) expect(existsSync(join(dir, 'out-ok', name))).toBe(true);
    const json = readFileSync(join(dir, 'out-ok', 'report.json'), 'utf8');
    expect(json).not.toContain('suite-cfa-key-1');
    expect(JSON.parse(json).exitCode).toBe(0);
  }, 60_000);

  it('exits 1 with findings, and 0 once the failing rules are waived', async () => {
    const broken = await startSuiteMock({ breaks: ['facture-total-non-controle'] });
    try {
      const args = ['node', 'convergence', 'test', 'opco', '--target', broken.url, '--cfa-key', 'suite-cfa-key-1', '--admin-token', 'suite-admin-token', '--format', 'json', '--only', 'facture-total-egal-somme-lignes'];
      const io = captureIO(dir);
      expect(await main([...args, '--out', 'out-broken'], io)).toBe(1);
      expect(io.out()).toMatch(/FAIL facture-total-egal-somme-lignes/);
      const report = JSON.parse(readFileSync(join(dir, 'out-broken', 'report.json'), 'utf8'));
      const rule = report.rules.find((r: { ruleId: string }) => r.ruleId === 'facture-total-egal-somme-lignes');
      expect(rule.evidence[0].curl).toMatch(/\$API_KEY/);
      expect(rule.evidence[0].curl).not.toContain('suite-cfa-key-1');
      writeFileSync(join(dir, 'waivers.yaml'), '- ruleId: facture-total-egal-somme-lignes\n  reason: contrôle du total livré au prochain lot\n');
      const waived = captureIO(dir);
      expect(await main([...args, '--out', 'out-waived', '--waivers', 'waivers.yaml'], waived)).toBe(0);
      expect(waived.out()).toMatch(/1 waived/);
    } finally {
      await broken.close();
    }
  }, 60_000);

  it('exits 2 on a waiver naming no known rule, an unknown --only id, a bad scenario file or an unreachable target', async () => {
    writeFileSync(join(dir, 'bad-waivers.yaml'), '- ruleId: regle-qui-n-existe-pas\n  reason: test\n');
    let io = captureIO(dir);
    expect(await main([...base(), '--waivers', 'bad-waivers.yaml'], io)).toBe(2);
    expect(io.err()).toMatch(/bad-waivers\.yaml: \/0\/ruleId: 'regle-qui-n-existe-pas'/);

    io = captureIO(dir);
    expect(await main([...base(), '--only', 'pas-une-regle'], io)).toBe(2);
    expect(io.err()).toMatch(/--only: unknown rule id/);

    writeFileSync(join(dir, 'bad-scenario.yaml'), 'id: Mauvais Id\ntitre: x\nintention: y\nexigences: []\ncapacites: [v2]\nsteps: []\n');
    io = captureIO(dir);
    expect(await main([...base(), '--scenarios', 'bad-scenario.yaml'], io)).toBe(2);
    expect(io.err()).toMatch(/bad-scenario\.yaml: \/id must match pattern/);

    io = captureIO(dir);
    expect(await main(['node', 'convergence', 'test', 'opco', '--target', 'http://127.0.0.1:9', '--cfa-key', 'k', '--scenarios', join(process.cwd(), 'scenarios', 'cle-absente.yaml'), '--format', 'json', '--out', 'out-unreachable'], io)).toBe(2);
    expect(io.err()).toMatch(/cannot reach the target/);
  }, 60_000);

  it("exits 2 with one line naming the option when the operator is wrong, before any scenario and without a report", async () => {
    const cases: [string[], RegExp][] = [
      [['--target', `${mock.url}/v2`], /^--target is the base URL before \/v2/],
      [['--cfa-key', 'mauvaise-cle'], /^the CFA key was refused \(40[13]\) on GET \/v2\/dossiers\/etats: check --cfa-key\b/],
      [['--cfa-key-2', 'mauvaise-cle-2'], /^the CFA key was refused \(40[13]\) on GET \/v2\/dossiers\/etats: check --cfa-key-2\b/],
      [['--admin-token', 'mauvais-jeton'], /^the admin token was refused \(401\) at .*\/_admin\/clock: check --admin-token$/],
    ];
    for (const [i, [wrong, message]] of cases.entries()) {
      const io = captureIO(dir);
      // A later option wins in commander: the wrong value replaces the right one of base().
      expect(await main([...base(), ...wrong, '--format', 'json', '--out', `out-preflight-${i}`], io), wrong.join(' ')).toBe(2);
      const lines = io.err().trim().split('\n').filter((l) => !/^\s*$/.test(l));
      expect(lines.length, io.err()).toBe(1);
      expect(lines[0]!.replace(/^(error: |convergence: )/, '')).toMatch(message);
      expect(io.out()).not.toMatch(/FAIL|fail,/);
      expect(existsSync(join(dir, `out-preflight-${i}`))).toBe(false);
    }
  }, 60_000);

  it('is not conformant while rules of the scope go unjudged (no admin clock), unless --min-evaluated allows it', async () => {
    const args = ['node', 'convergence', 'test', 'opco', '--target', mock.url, '--cfa-key', 'suite-cfa-key-1', '--scenarios', 'scenarios/doublon.yaml', '--max-wait', '1', '--poll-interval', '0.05', '--format', 'json'];
    const io = captureIO(process.cwd());
    expect(await main([...args, '--out', join(dir, 'out-unjudged')], io)).toBe(1);
    expect(io.out()).toMatch(/\d+ of \d+ rules in the declared scope evaluated \(all required\)/);
    expect(io.out()).toMatch(/NOT EVALUATED \d+ \(\d+ pending: waiting for time, --resume may judge them\): .*serveur-doublon-detecte/);
    expect(io.out()).toContain('NOT CONFORMANT');
    const lenient = captureIO(process.cwd());
    expect(await main([...args, '--out', join(dir, 'out-lenient'), '--min-evaluated', '0%'], lenient)).toBe(0);
    expect(lenient.out()).toContain('(at least 0 % required)');
    const bad = captureIO(process.cwd());
    expect(await main([...args, '--out', join(dir, 'out-bad'), '--min-evaluated', '1.5'], bad)).toBe(2);
    expect(bad.err()).toContain('--min-evaluated');
  }, 60_000);

  it('marks scenarios outside the profile as not applicable', async () => {
    const io = captureIO(dir);
    // Constructys serves v1 only: every scenario on /v2 is out of its declared capabilities; the v1 one runs.
    expect(await main([...base(), '--profile', 'constructys', '--format', 'json', '--out', 'out-profile'], io)).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'out-profile', 'report.json'), 'utf8'));
    const outcomes = new Map(report.scenarios.map((s: { id: string; outcome: string }) => [s.id, s.outcome]));
    expect(outcomes.get('protocole-v1')).toBe('pass');
    expect([...outcomes].filter(([id, outcome]) => id !== 'protocole-v1' && outcome !== 'not-applicable')).toEqual([]);
  }, 60_000);

  it('fetches an OAuth2 token for a profile that requires one, and exits 2 without a client or with a refused one', async () => {
    const oauth = await startSuiteMock({ config: { ...SUITE_CONFIG, opcos: { akto: { clients: [{ clientId: 'cli-client', clientSecret: 'cli-secret' }] } } } });
    try {
      const args = ['node', 'convergence', 'test', 'opco', '--target', `${oauth.url}/akto`, '--profile', 'akto', '--cfa-key', 'suite-cfa-key-1', '--admin-token', 'suite-admin-token', '--format', 'json', '--only', 'serveur-cycle-de-vie'];
      const without = captureIO(dir);
      expect(await main([...args, '--out', 'out-oauth-none'], without)).toBe(2);
      expect(without.err()).toMatch(/requires an OAuth2 token; pass --client-id/);
      const refused = captureIO(dir);
      expect(await main([...args, '--out', 'out-oauth-bad', '--client-id', 'cli-client', '--client-secret', 'wrong'], refused)).toBe(2);
      expect(refused.err()).toMatch(/answered 401 \(invalid_client/);
      expect(refused.err()).not.toContain('wrong');
      const io = captureIO(dir);
      process.env.CONVERGENCE_CLIENT_SECRET = 'cli-secret';
      try {
        expect(await main([...args, '--out', 'out-oauth', '--client-id', 'cli-client'], io)).toBe(0);
      } finally {
        delete process.env.CONVERGENCE_CLIENT_SECRET;
      }
      const report = JSON.parse(readFileSync(join(dir, 'out-oauth', 'report.json'), 'utf8'));
      expect(report.rules.find((r: { ruleId: string }) => r.ruleId === 'serveur-cycle-de-vie').outcome).toBe('pass');
    } finally {
      await oauth.close();
    }
  }, 60_000);

  it('accepts the wire quirks the profile declares, one more with --quirk, and exits 2 on an unknown one', async () => {
    const quirky = await startSuiteMock({ config: { ...SUITE_CONFIG, opcos: { atlas: { depotStatus: 200 } } } });
    try {
      const args = ['node', 'convergence', 'test', 'opco', '--target', `${quirky.url}/atlas`, '--profile', 'atlas', '--cfa-key', 'suite-cfa-key-1', '--admin-token', 'suite-admin-token', '--format', 'json', '--only', 'serveur-depot-cerfa-transmis'];
      // Atlas's profile declares its error bodies' top-level description, not a 200 deposit: that one fails.
      const strict = captureIO(dir);
      expect(await main([...args, '--out', 'out-quirk-strict'], strict)).toBe(1);
      expect(strict.out()).toMatch(/quirks accepted \(declared by the profile or --quirk\): erreurDescriptionRacine=description\n/);
      expect(strict.out()).toMatch(/FAIL serveur-depot-cerfa-transmis/);
      const declared = captureIO(dir);
      expect(await main([...args, '--out', 'out-quirk', '--quirk', 'depotStatus=200'], declared)).toBe(0);
      expect(declared.out()).toMatch(/erreurDescriptionRacine=description, depotStatus=200/);
      for (const bad of ['depotStatus=202', 'inconnue=true']) {
        const io = captureIO(dir);
        expect(await main([...args, '--out', 'out-quirk-bad', '--quirk', bad], io)).toBe(2);
        expect(io.err()).toMatch(/--quirk/);
      }
    } finally {
      await quirky.close();
    }
  }, 60_000);
});
