// `validate -` as a shell runs it: stdin redirected from a file (read in large chunks) or a pipe gives the report `validate <file>` gives.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'convergence.js');
let dir: string;
let file: string;

function validate(args: string[], stdin: 'ignore' | number | string): { status: number | null; report: Record<string, unknown> } {
  const run = spawnSync(process.execPath, [BIN, 'validate', ...args, '--format', 'json', '--no-progress', '--jobs', '1'], {
    stdio: [typeof stdin === 'string' ? 'pipe' : stdin, 'pipe', 'pipe'],
    input: typeof stdin === 'string' ? stdin : undefined,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`validate exited ${run.status}: ${run.stderr}`);
  return { status: run.status, report: comparable(run.stdout) };
}

/** The JSON report with the input named as stdin is, and without what names the run rather than judges it. */
function comparable(stdout: string): Record<string, unknown> {
  const report = JSON.parse(stdout.split(file).join('-')) as Record<string, unknown>;
  delete report.tool;
  delete report.inputs;
  return report;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'validate-stdin-'));
  const generated = spawnSync(process.execPath, [BIN, 'generate', 'cerfa', '--count', '600', '--seed', '5', '--with-context'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines = generated.stdout.split('\n').filter((line) => line !== '');
  // A fault past the first megabyte, where a 1 MB read of stdin ends: a record cut across two reads still counts once.
  const record = JSON.parse(lines[500]!) as { payload: { cerfa: { apprenti: Record<string, unknown> } } };
  delete record.payload.cerfa.apprenti.nir;
  lines[500] = JSON.stringify(record);
  file = join(dir, 'export.ndjson');
  writeFileSync(file, `${lines.join('\n')}\n`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validate - from a shell', () => {
  it('judges stdin redirected from a file, and a pipe, as it judges the file named', () => {
    const named = validate([file], 'ignore');
    expect(named.status).toBe(1);
    expect((named.report as { records: number }).records).toBe(600);
    const fd = openSync(file, 'r');
    try {
      expect(validate(['-'], fd).report).toEqual(named.report);
    } finally {
      closeSync(fd);
    }
    const piped = spawnSync('sh', ['-c', `cat "${file}" | "${process.execPath}" "${BIN}" validate - --format json --no-progress --jobs 1`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(comparable(piped.stdout)).toEqual(named.report);
  });
});
