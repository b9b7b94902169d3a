// `validate --jobs`: a large NDJSON input judged by worker threads gives the very report one thread gives, errors included.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../main.js';
import { captureIO } from '../testing.js';

let dir: string;
let lines: string[];

async function run(argv: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  const io = captureIO(dir);
  if (stdin !== undefined) io.stdin = Readable.from([Buffer.from(stdin)]);
  const code = await main(['node', 'convergence', ...argv], io);
  return { code, out: io.out(), err: io.err() };
}

/** The JSON report without what legitimately differs between two runs (none of the verdicts). */
function verdicts(out: string): unknown {
  const report = JSON.parse(out) as Record<string, unknown>;
  delete report.tool;
  return report;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'validate-pool-'));
  const cerfas = await run(['generate', 'cerfa', '--count', '700', '--seed', '11', '--with-context']);
  const factures = await run(['generate', 'facture', '--count', '100', '--seed', '11', '--with-context']);
  lines = [...cerfas.out.split('\n'), ...factures.out.split('\n')].filter((line) => line !== '');
  // Faults far past the first megabyte, where the worker threads judge: a NIR removed, a wrong date, a bad SIRET.
  const broken = (i: number, change: (payload: any) => void): void => {
    const record = JSON.parse(lines[i]!);
    change(record.payload.cerfa ?? record.payload);
    lines[i] = JSON.stringify(record);
  };
  broken(450, (c) => delete c.apprenti.nir);
  broken(520, (c) => (c.contrat.dateFinContrat = '2001-01-01'));
  broken(690, (c) => (c.employeur.siret = '12345678901234'));
  expect(lines.join('\n').length).toBeGreaterThan(1.5 * 1024 * 1024);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validate on worker threads', () => {
  it('reports exactly what one thread reports, counts, findings and their order included', async () => {
    // Blank lines and CRLF line ends in the part the workers read too.
    const text = lines.map((line, i) => (i % 97 === 0 ? `${line}\r\n\n` : `${line}\n`)).join('');
    writeFileSync(join(dir, 'lot.ndjson'), text);
    const one = await run(['validate', 'lot.ndjson', '--format', 'json', '--jobs', '1', '--max-findings', '50']);
    const two = await run(['validate', 'lot.ndjson', '--format', 'json', '--jobs', '2', '--max-findings', '50']);
    expect(one.code).toBe(1);
    expect(two.code).toBe(one.code);
    expect(verdicts(two.out)).toEqual(verdicts(one.out));
    const report = JSON.parse(two.out) as { records: number; rules: { id: string; findings: { record: { line: number; index: number } }[] }[] };
    expect(report.records).toBe(lines.length);
    const nir = report.rules.find((rule) => rule.id === 'cerfa-nir-obligatoire');
    expect(nir?.findings.map((f) => f.record.index)).toContain(450);
  }, 120_000);

  it('reads standard input the same way', async () => {
    const text = lines.join('\n') + '\n';
    const one = await run(['validate', '-', '--format', 'json', '--jobs', '1'], text);
    const two = await run(['validate', '-', '--format', 'json', '--jobs', '2'], text);
    expect(verdicts(two.out)).toEqual(verdicts(one.out));
  }, 120_000);

  it('names the first unreadable line, as one thread does, and exits 2', async () => {
    const text = lines.map((line, i) => (i === 600 || i === 760 ? line.slice(0, 40) : line)).join('\n') + '\n';
    writeFileSync(join(dir, 'casse.ndjson'), text);
    const one = await run(['validate', 'casse.ndjson', '--jobs', '1']);
    const two = await run(['validate', 'casse.ndjson', '--jobs', '2']);
    expect(one.code).toBe(2);
    expect(two.code).toBe(2);
    expect(two.err).toBe(one.err);
    expect(two.err).toMatch(/^convergence: casse\.ndjson:601: invalid JSON/);
  }, 120_000);

  it('refuses a --jobs that is not a whole number from 1 to 64', async () => {
    writeFileSync(join(dir, 'un.ndjson'), `${lines[0]}\n`);
    const bad = await run(['validate', 'un.ndjson', '--jobs', 'deux']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--jobs');
  });
});
