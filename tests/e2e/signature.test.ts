// Signed certification reports end to end: `test cfa` signs the session report, `convergence verify` says valid, tampered or expired.
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestCfa, type TestCfaOptions } from '../../cli/commands/test-cfa.js';
import { main } from '../../cli/main.js';
import { captureIO } from '../../cli/testing.js';
import { HEADERS } from '../../mocks/testdata/fixtures.js';
import type { SuiteReport } from '../../reports/suite/model.js';
import { validateSuiteReport } from '../../reports/suite/schema.js';
import { BIN } from '../support/process.js';

const dir = mkdtempSync(join(tmpdir(), 'signature-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The key id of the first run, kept beside the store. */
let storeKeyId: string | undefined;

const base: TestCfaOptions = { port: '0', host: '127.0.0.1', out: 'out', format: 'json,html', store: 'cert.sqlite' };

/** One run of `test cfa` with one request; returns the report's folder and the public key the sandbox served. */
async function run(options: Partial<TestCfaOptions> = {}): Promise<{ folder: string; pem: string; banner: string }> {
  const io = captureIO(dir);
  const running = await startTestCfa({ ...base, ...options }, io);
  const key = await fetch(`${running.url}/.well-known/convergence-signing-key.pem`);
  expect(key.status).toBe(200);
  const pem = await key.text();
  expect((await fetch(`${running.url}/v2/status`, { headers: HEADERS })).status).toBe(200);
  await running.stop();
  const [id] = readdirSync(join(dir, 'out'));
  return { folder: join(dir, 'out', id!), pem, banner: io.out() };
}

async function verify(...args: string[]): Promise<{ code: number; text: string }> {
  const io = captureIO(dir);
  const code = await main(['node', 'convergence', 'verify', ...args], io);
  return { code, text: io.out() + io.err() };
}

describe('signed certification report', () => {
  it('verifies with the key the sandbox serves; a changed verdict does not; after its expiry it says expired', async () => {
    const { folder, pem, banner } = await run();
    writeFileSync(join(dir, 'sandbox.pem'), pem);
    const file = join(folder, 'report.json');
    const report = JSON.parse(readFileSync(file, 'utf8')) as SuiteReport;
    expect(validateSuiteReport(report)).toEqual([]);
    expect(report.signature?.statement.verdict).toBe('not-certified');
    expect(banner).toContain(`reports signed: Ed25519 key ${report.signature?.keyId}`);
    storeKeyId = report.signature?.keyId;
    // The key is kept beside the store, readable by its owner only.
    expect(statSync(join(dir, 'cert.sqlite-signing-key.pem')).mode & 0o777).toBe(0o600);

    // The built command, as an auditor would run it.
    const spawned = spawnSync(process.execPath, [BIN, 'verify', file, '--key', join(dir, 'sandbox.pem')], { encoding: 'utf8' });
    expect(spawned.status, spawned.stderr).toBe(0);
    expect(spawned.stdout).toMatch(/^valid: /);

    writeFileSync(join(dir, 'forged.json'), JSON.stringify({ ...report, exitCode: 0 }));
    expect(await verify(join(dir, 'forged.json'), '--key', join(dir, 'sandbox.pem'))).toMatchObject({ code: 2, text: expect.stringMatching(/^tampered: .*verdict/) });
    const expiry = report.signature!.statement.expiresAt;
    expect(await verify(file, '--key', join(dir, 'sandbox.pem'), '--at', expiry)).toMatchObject({ code: 1, text: expect.stringMatching(/^expired: /) });

    const page = readFileSync(join(folder, 'report.html'), 'utf8');
    expect(page).toContain('id="signature"');
    expect(page).toContain('convergence verify report.json --key convergence-signing-key.pem');
  });

  it('signs with the same kept key after a restart, with a given --signing-key, for the --validity given', async () => {
    const before = JSON.parse(readFileSync(join((await run()).folder, 'report.json'), 'utf8')) as SuiteReport;
    writeFileSync(join(dir, 'given.pem'), generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const given = await run({ signingKey: 'given.pem', validity: 'P1M' });
    const after = JSON.parse(readFileSync(join(given.folder, 'report.json'), 'utf8')) as SuiteReport;
    expect(after.signature?.keyId).not.toBe(before.signature?.keyId);
    writeFileSync(join(dir, 'given-public.pem'), given.pem);
    expect((await verify(join(given.folder, 'report.json'), '--key', join(dir, 'given-public.pem'))).code).toBe(0);
    const { issuedAt, expiresAt } = after.signature!.statement;
    const days = (Date.parse(expiresAt) - Date.parse(issuedAt)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(28);
    expect(days).toBeLessThanOrEqual(31);
    // Without --signing-key, the restarted sandbox signed with the key kept beside its store.
    expect(storeKeyId).toBeDefined();
    expect(before.signature?.keyId).toBe(storeKeyId);
  });
});
