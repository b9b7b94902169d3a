// `convergence test cfa` options and lifecycle: bad inputs exit 2, no request exits 1, sessions survive a restart unless --reset.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { ExitError } from '../io.js';
import { captureIO } from '../testing.js';
import { HEADERS } from '../../mocks/testdata/fixtures.js';
import type { SuiteReport } from '../../reports/suite/model.js';
import type { SessionCfa } from '../../conformance/model/session.js';
import { parseCapabilities, parseRunDuration, sessionSummary, startTestCfa, type TestCfaOptions } from './test-cfa.js';
import { judgeSession } from '../../conformance/certification/index.js';
import { findRule } from '../../conformance/rules/index.js';
import { sessionValide } from '../../conformance/rules/fixtures/session-valide.js';

const dir = mkdtempSync(join(tmpdir(), 'test-cfa-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cfa = (...args: string[]): string[] => ['node', 'convergence', 'test', 'cfa', '--port', '0', '--store', 'memory', ...args];

const base: TestCfaOptions = { port: '0', host: '127.0.0.1', out: 'out', format: 'json' };

describe('parseRunDuration', () => {
  it('reads seconds, minutes, hours, their sums and ISO 8601 time durations', () => {
    expect(parseRunDuration('90s')).toBe(90_000);
    expect(parseRunDuration('10m')).toBe(600_000);
    expect(parseRunDuration('1h30m')).toBe(5_400_000);
    expect(parseRunDuration('500ms')).toBe(500);
    expect(parseRunDuration('PT10M')).toBe(600_000);
    expect(parseRunDuration('PT1M30S')).toBe(90_000);
  });

  it('refuses a bare number, zero, negative, calendar or unknown units, with exit code 2', () => {
    for (const bad of ['', '10', 'ten', '-5s', '0s', 'P1D', 'PT', '5d', '1h 30m']) {
      expect(() => parseRunDuration(bad), bad).toThrow(ExitError);
      try {
        parseRunDuration(bad);
      } catch (error) {
        expect((error as ExitError).code).toBe(2);
      }
    }
  });
});

describe('parseCapabilities', () => {
  it('defaults to the four capabilities and keeps a declared subset once each', () => {
    expect(parseCapabilities(undefined)).toEqual(['contrats', 'conventions', 'factures', 'certificats']);
    expect(parseCapabilities('contrats, factures,contrats')).toEqual(['contrats', 'factures']);
  });

  it('knows lectures, for software that only reads, declared on its own', () => {
    expect(parseCapabilities('lectures')).toEqual(['lectures']);
  });
});

describe('sessionSummary', () => {
  it('gives, under each failed rule, what was expected and received when its message does not say it', () => {
    const planted: SessionCfa = findRule('client-requete-conforme-spec')!.plant!(sessionValide(), {}).payload;
    const report = judgeSession(planted, {
      capabilities: ['contrats'],
      target: { url: 'http://127.0.0.1:4010' },
      tool: { name: 'convergence', version: '0.0.0' },
    });
    const text = sessionSummary(report, [], dir);
    expect(text).toContain('NOT CERTIFIED');
    expect(text).toMatch(/FAIL client-requete-conforme-spec \[bloquant\].*\n +#\d+ GET \/v2\/dossiers\/etats: La requête #\d+ GET \/dossiers\/etats ne respecte pas la spécification de la norme\n/);
    // The schema error itself, which is what the editor must fix.
    expect(text).toContain('received: query.numeroPage doit être supérieur ou égal à 1');
  });
});

describe('convergence test cfa: bad inputs exit 2 before anything listens', () => {
  it('names an unknown capability and the known ones', async () => {
    const io = captureIO(dir);
    expect(await main(cfa('--capabilities', 'contrats,paie'), io)).toBe(2);
    expect(io.err()).toContain('unknown capability paie');
    expect(io.err()).toContain('contrats, conventions, factures, certificats');
    expect(io.out()).not.toContain('listening');
  });

  it('refuses a bad duration', async () => {
    const io = captureIO(dir);
    expect(await main(cfa('--duration', 'soon'), io)).toBe(2);
    expect(io.err()).toContain("--duration: expected a duration such as 90s, 10m, 1h30m or PT10M, received 'soon'");
  });

  it('takes --version as the protocol version, not the tool version, and refuses v3', async () => {
    const io = captureIO(dir);
    expect(await main(cfa('--version', 'v3'), io)).toBe(2);
    expect(io.err()).toContain("--version: expected v1 or v2, received 'v3'");
  });

  it('refuses a capability the declared protocol version cannot exercise (certificats in v1)', async () => {
    const io = captureIO(dir);
    expect(await main(cfa('--version', 'v1', '--capabilities', 'contrats,certificats'), io)).toBe(2);
    expect(io.err()).toContain('--capabilities certificats: not available in protocol v1');
  });

  it('refuses an unknown report format', async () => {
    const io = captureIO(dir);
    expect(await main(cfa('--format', 'json,pdf'), io)).toBe(2);
    expect(io.err()).toContain('unknown format(s) pdf');
  });

  it('names an unreadable script', async () => {
    const io = captureIO(dir);
    expect(await main(cfa('--script', 'missing-script.yaml'), io)).toBe(2);
    expect(io.err()).toContain('missing-script.yaml');
  });

  it('names the field of a script whose play names an operation the mock does not serve', async () => {
    writeFileSync(join(dir, 'bad-play.yaml'), 'plays:\n  - { id: oops, operation: POST /paiements, occurrence: 1, answer: { status: 500 } }\n');
    const io = captureIO(dir);
    expect(await main(cfa('--script', 'bad-play.yaml'), io)).toBe(2);
    expect(io.err()).toContain('bad-play.yaml');
    expect(io.err()).toContain('plays[0].operation');
  });

  it('refuses a waiver naming no rule of the catalogue', async () => {
    writeFileSync(join(dir, 'waivers.yaml'), '- { ruleId: regle-inventee, reason: essai }\n');
    const io = captureIO(dir);
    expect(await main(cfa('--waivers', 'waivers.yaml'), io)).toBe(2);
    expect(io.err()).toContain("'regle-inventee' is not a rule of the catalogue");
  });
});

describe('convergence test cfa: a run', () => {
  it('prints what an editor needs, stops after --duration and exits 1 when no request came', async () => {
    const io = captureIO(dir);
    expect(await main(cfa('--duration', '300ms', '--capabilities', 'contrats,factures', '--out', 'empty-out'), io)).toBe(1);
    const out = io.out();
    expect(out).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(out).toContain('X-API-KEY: demo-cfa-key');
    expect(out).toContain('Bearer demo-admin-token');
    expect(out).toContain('declared capabilities: contrats, factures (+ protocole, always judged)');
    expect(out).toContain('play erreur-serveur-depot: request #1 of POST /dossiers answered 503');
    expect(out).toContain('play limite-debit-lecture: request #1 of GET /dossiers answered 429 with Retry-After: 2');
    expect(out).toContain('reports under empty-out/<session-id>/');
    // The demo key's session ids, never derived by the editor: root paths and OPCO prefixes.
    expect(out).toMatch(/CFA 85300000800005: norme-([0-9a-f]{8}) on the root paths, <opco>-\1 under \/<opco>\/…\n/);
    expect(out).toContain('--duration 300ms elapsed');
    expect(io.err()).toContain('no request received');
    expect(existsSync(join(dir, 'empty-out'))).toBe(false);
  });

  it('says how many requests carried an unknown key or none, since they belong to no session', async () => {
    const cwd = mkdtempSync(join(dir, 'typo-'));
    const io = captureIO(cwd);
    const running = await startTestCfa({ ...base, store: 'memory' }, io);
    const headers = { editeur: 'E', logiciel: 'L', version: '1' };
    await fetch(`${running.url}/v2/dossiers/etats`, { headers: { ...headers, 'x-api-key': 'demo-cfa-kye' } });
    await fetch(`${running.url}/v2/dossiers/etats`, { headers: { ...headers, 'x-api-key': 'demo-cfa-kye' } });
    await fetch(`${running.url}/v2/status`, { headers });
    expect(await running.stop()).toBe(1);
    expect(io.err()).toContain('not recorded: 2 request(s) with an X-API-KEY the mock does not know for that OPCO, 1 without X-API-KEY');
    expect(io.err()).not.toContain('demo-cfa-kye');
  });

  it('prints each configured key\'s session id, never the key', async () => {
    const cwd = mkdtempSync(join(dir, 'config-'));
    writeFileSync(
      join(cwd, 'tenants.yaml'),
      [
        'admin: { token: jeton-admin-essai }',
        'cfas:',
        '  - { siret: "85300000800005", denomination: CFA A, iban: FR7630006000011234567890189, keys: { norme: cle-norme-produit-a, atlas: cle-atlas-produit-a } }',
        '  - { siret: "42100000100006", denomination: CFA B, iban: FR1420041010050500013M02606, keys: { "*": cle-partout-produit-b } }',
        '',
      ].join('\n'),
    );
    const io = captureIO(cwd);
    const running = await startTestCfa({ ...base, store: 'memory', config: 'tenants.yaml' }, io);
    await running.stop();
    const out = io.out();
    expect(out).toMatch(/CFA 85300000800005: norme-[0-9a-f]{8} \(root paths\), atlas-[0-9a-f]{8} \(\/atlas\/…\)\n/);
    expect(out).toMatch(/CFA 42100000100006: norme-([0-9a-f]{8}) on the root paths, <opco>-\1 under \/<opco>\/…\n/);
    expect(out).not.toMatch(/cle-norme-produit-a|cle-atlas-produit-a|cle-partout-produit-b/);
  });

  it('with --version v1 alone, declares the capabilities v1 can show instead of refusing certificats', async () => {
    const io = captureIO(dir);
    const running = await startTestCfa({ ...base, store: 'memory', version: 'v1' }, io);
    await running.stop();
    expect(io.out()).toContain('declared capabilities: contrats, conventions, factures (+ protocole, always judged); protocol v1 only (certificats left out: not in protocol v1)');
  });

  it('keeps sessions in its store across a restart, and forgets them with --reset', async () => {
    const cwd = mkdtempSync(join(dir, 'restart-'));
    const options: TestCfaOptions = { ...base, store: 'cert.sqlite' };
    const status = (url: string) => fetch(`${url}/v2/status`, { headers: HEADERS });

    const first = await startTestCfa(options, captureIO(cwd));
    expect((await status(first.url)).status).toBe(200);
    // Only a status call: the session exists, but no capability is complete.
    expect(await first.stop()).toBe(1);
    const [id] = readdirSync(join(cwd, 'out'));
    const read = () => JSON.parse(readFileSync(join(cwd, 'out', id!, 'report.json'), 'utf8')) as SuiteReport;
    expect(read().session?.requests).toBe(1);

    const second = await startTestCfa(options, captureIO(cwd));
    expect((await status(second.url)).status).toBe(200);
    expect(await second.stop()).toBe(1);
    expect(read().session?.requests).toBe(2);

    const io = captureIO(cwd);
    const third = await startTestCfa({ ...options, reset: true }, io);
    expect(await third.stop()).toBe(1);
    expect(io.err()).toContain('no request received');
  });

  it('applies the waivers to the session report', async () => {
    const cwd = mkdtempSync(join(dir, 'waived-'));
    writeFileSync(join(cwd, 'waivers.yaml'), '- { ruleId: client-entetes-editeur-presents, reason: "Appel de supervision sans en-têtes" }\n');
    const io = captureIO(cwd);
    const running = await startTestCfa({ ...base, store: 'memory', waivers: 'waivers.yaml' }, io);
    const { editeur: _omitted, ...sansEditeur } = HEADERS;
    expect((await fetch(`${running.url}/v2/status`, { headers: sansEditeur })).status).toBe(200);
    expect(await running.stop()).toBe(1);
    expect(io.out()).toContain('waived rules: client-entetes-editeur-presents');
    const [id] = readdirSync(join(cwd, 'out'));
    const report = JSON.parse(readFileSync(join(cwd, 'out', id!, 'report.json'), 'utf8')) as SuiteReport;
    const rule = report.rules.find((r) => r.ruleId === 'client-entetes-editeur-presents');
    expect(rule?.outcome).toBe('fail');
    expect(rule?.waived?.reason).toBe('Appel de supervision sans en-têtes');
    expect(report.summary.blocking).toBe(0);
  });
});
