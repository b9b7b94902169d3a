// `convergence verify`: exit 0 valid, 1 expired, 2 tampered, unsigned, another key or unreadable, with a line that says which.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIO } from '../testing.js';
import { ephemeralSigningKey } from '../../mocks/certification/signing-key.js';
import { signReport } from '../../mocks/certification/signature.js';
import { cfaReport } from '../../reports/suite/fixtures/cfa-report.js';
import { scrubReport, suiteReporters } from '../../reports/suite/index.js';

const dir = mkdtempSync(join(tmpdir(), 'verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const signer = ephemeralSigningKey();
const other = ephemeralSigningKey();
const report = signReport(scrubReport(cfaReport), signer, new Date());
writeFileSync(join(dir, 'report.json'), suiteReporters.json(report));
writeFileSync(join(dir, 'key.pem'), signer.publicKeyPem);
writeFileSync(join(dir, 'other.pem'), other.publicKeyPem);
writeFileSync(join(dir, 'changed.json'), JSON.stringify({ ...report, exitCode: 0 }));
writeFileSync(join(dir, 'unsigned.json'), suiteReporters.json(cfaReport));
writeFileSync(join(dir, 'report.html'), suiteReporters.html(report));

async function verify(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIO(dir);
  const code = await main(['node', 'convergence', 'verify', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe('convergence verify', () => {
  it('exits 0 on a signed report with the sandbox key, saying what was certified', async () => {
    const { code, out } = await verify('report.json', '--key', 'key.pem');
    expect(code).toBe(0);
    expect(out).toMatch(/^valid: issued .* valid until /);
    expect(out).toContain('verdict: not-certified; software: Editions Exemple / GestApprentis 4.2.0; OPCO profile: norme; capabilities: contrats');
    expect(out).toContain(`key: ${signer.keyId} (the key given with --key)`);
  });

  it('exits 0 without --key, saying the key the report carries proves integrity, not who signed', async () => {
    const { code, out } = await verify('report.json');
    expect(code).toBe(0);
    expect(out).toContain('not who signed it');
  });

  it('exits 1 when checked after its expiry', async () => {
    const { code, err } = await verify('report.json', '--key', 'key.pem', '--at', '2099-01-01');
    expect(code).toBe(1);
    expect(err).toMatch(/^expired: expired \d{4}-/);
  });

  it('exits 2 on a changed verdict, another key, an unsigned report, the HTML page, a missing file or a bad --at', async () => {
    expect(await verify('changed.json', '--key', 'key.pem')).toMatchObject({ code: 2, err: expect.stringMatching(/^tampered: .*verdict/) });
    expect(await verify('report.json', '--key', 'other.pem')).toMatchObject({ code: 2, err: expect.stringMatching(/^wrong-key: signed by another key/) });
    expect(await verify('unsigned.json')).toMatchObject({ code: 2, err: expect.stringMatching(/^unsigned: /) });
    expect(await verify('report.html')).toMatchObject({ code: 2, err: expect.stringContaining('not JSON') });
    expect(await verify('nope.json')).toMatchObject({ code: 2, err: expect.stringContaining('nope.json: cannot read (ENOENT)') });
    expect(await verify('report.json', '--key', 'report.json')).toMatchObject({ code: 2, err: expect.stringContaining('not a PEM public key') });
    expect(await verify('report.json', '--at', 'tomorrow')).toMatchObject({ code: 2, err: expect.stringContaining('--at') });
  });
});
