// `test cfa --exec`: the certification mock around an editor's own test command, the verdict as exit code.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { captureIO } from '../../cli/testing.js';
import type { SuiteReport } from '../../reports/suite/model.js';

const dir = mkdtempSync(join(tmpdir(), 'cfa-exec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const script = fileURLToPath(new URL('../support/lecteur-cfa.mjs', import.meta.url));

async function certify(name: string, ...args: string[]) {
  const io = captureIO(dir);
  const out = join(dir, name);
  const code = await main(['node', 'convergence', 'test', 'cfa', '--port', '0', '--store', 'memory', '--format', 'json', '--out', out, ...args], io);
  const sessions = (() => {
    try {
      return readdirSync(out);
    } catch {
      return [];
    }
  })();
  const reports = sessions.map((s) => JSON.parse(readFileSync(join(out, s, 'report.json'), 'utf8')) as SuiteReport);
  return { code, out: io.out(), err: io.err(), reports };
}

describe('convergence test cfa --exec', () => {
  it('runs the command with the mock in its environment, then judges: certified software exits 0', async () => {
    const run = await certify('ok', '--capabilities', 'lectures', '--exec', `node "${script}"`);
    expect(run.out).toContain('deposit: 201');
    expect(run.out).toContain('own dossier seen');
    expect(run.out).toContain('exited with code 0');
    expect(run.reports).toHaveLength(1);
    expect(run.reports[0]!.exitCode).toBe(0);
    expect(run.code).toBe(0);
  }, 60_000);

  it("fails the run when the command fails, even if the session would certify, and says so", async () => {
    const run = await certify('tests-rouges', '--capabilities', 'lectures', '--exec', `node "${script}" --exit 3`);
    expect(run.reports[0]!.exitCode).toBe(0);
    expect(run.out).toContain('exited with code 3');
    expect(run.code).toBe(1);
  }, 60_000);

  it('gives the certification verdict when the software is not certified (nothing exercised: exit 1)', async () => {
    const run = await certify('rien', '--exec', 'node -e "process.exit(0)"');
    expect(run.code).toBe(1);
    expect(run.err).toContain('no request received');
  }, 60_000);

  it('stops a command that outlives --duration, judges what it did and exits 1', async () => {
    const started = Date.now();
    const run = await certify('trop-long', '--duration', '1s', '--exec', 'node -e "setTimeout(() => {}, 60000)"');
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(run.out).toContain('--duration 1s elapsed');
    expect(run.code).toBe(1);
  }, 60_000);

  it('refuses an empty command with exit 2', async () => {
    const run = await certify('vide', '--exec', ' ');
    expect(run.code).toBe(2);
    expect(run.err).toContain('--exec');
  });
});
