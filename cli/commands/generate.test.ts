// Tests of `convergence generate` through main(): NDJSON lines, determinism, options, exit codes, backpressure.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import type { CliIO } from '../io.js';
import { generateCerfa, generateRecord, surLeFil } from '../../conformance/generate/index.js';
import { checkRule } from '../../conformance/engine/evaluate.js';
import { lireDepotCerfa } from '../../conformance/model/depot-cerfa.js';
import { catalogue, rulesFor } from '../../conformance/rules/index.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const scratch = mkdtempSync(join(tmpdir(), 'convergence-generate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function sink(chunks: string[]): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
}

async function generate(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: sink(out), stderr: sink(err), stdin: Readable.from([]), env: {}, cwd: scratch };
  const code = await main(['node', 'convergence', 'generate', ...args], io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'bin/convergence.js');
const built = existsSync(join(root, 'dist/cli/commands/generate.js'));

const lines = (ndjson: string): unknown[] => ndjson.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));

describe('convergence generate', () => {
  it('writes --count lines of NDJSON, record i being the deposit body of generateCerfa(seed, i)', async () => {
    const run = await generate('cerfa', '--count', '3', '--seed', '42');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.endsWith('\n')).toBe(true);
    expect(run.stdout.split('\n')).toHaveLength(4);
    expect(lines(run.stdout)).toEqual([0, 1, 2].map((i) => surLeFil('cerfa', generateCerfa(42, i), 42, i)));
    for (const [i, line] of lines(run.stdout).entries()) {
      expect(Object.keys(line as object)).toEqual(['cerfa']);
      expect(lireDepotCerfa(line).cerfa).toEqual(generateCerfa(42, i));
    }
  });

  it('is deterministic for a seed, differs across seeds, and --start picks up at an index', async () => {
    const a = await generate('facture', '-n', '4', '-s', '9');
    const b = await generate('facture', '-n', '4', '-s', '9');
    const c = await generate('facture', '-n', '4', '-s', '10');
    const tail = await generate('facture', '--count', '2', '--seed', '9', '--start', '2');
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
    expect(lines(tail.stdout)).toEqual(lines(a.stdout).slice(2));
  });

  it('wraps lines as {payload, context} with --with-context', async () => {
    const run = await generate('facture', '--count', '2', '--seed', '5', '--with-context');
    expect(run.code).toBe(0);
    const [first] = lines(run.stdout) as { payload: unknown; context: { today: string; dossiers: unknown[] } }[];
    expect(first).toEqual(JSON.parse(JSON.stringify(generateRecord('facture', 5, 0))));
    expect(first!.context.dossiers).toHaveLength(1);
    const cerfa = await generate('cerfa', '--count', '1', '--seed', '5', '--with-context');
    const [line] = lines(cerfa.stdout) as { payload: unknown; context: unknown }[];
    const record = generateRecord('cerfa', 5, 0);
    expect(line).toEqual(JSON.parse(JSON.stringify({ payload: surLeFil('cerfa', record.payload, 5, 0), context: record.context })));
  });

  it('writes to --out and nothing to stdout', async () => {
    const run = await generate('convention', '--count', '5', '--out', 'conventions.ndjson');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(lines(readFileSync(join(scratch, 'conventions.ndjson'), 'utf8'))).toHaveLength(5);
  });

  it('exits 2 on a bad --count, --seed or kind, and on an unwritable --out', async () => {
    for (const args of [
      ['cerfa', '--count', 'abc'],
      ['cerfa', '--count=-1'],
      ['cerfa', '--count', '1.5'],
      ['cerfa', '--seed', 'x'],
      ['devis', '--count', '1'],
      ['--count', '1'],
      ['cerfa', '--out', join(scratch, 'missing-dir', 'x.ndjson')],
    ]) {
      const run = await generate(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^convergence: /);
    }
  });

  it('exits 2 on an unknown --invalid rule, saying how to list the ids', async () => {
    const run = await generate('cerfa', '--count', '1', '--invalid', 'no-such-rule');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('unknown rule id "no-such-rule"');
    expect(run.stderr).toContain('--list-rules');
  });

  it('lists the rules of a kind with --list-rules', async () => {
    const run = await generate('facture', '--list-rules');
    expect(run.code).toBe(0);
    const ids = run.stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t')[0]);
    expect(ids).toEqual(rulesFor('facture').map((r) => r.id));
  });

  it.runIf(rulesFor('cerfa').length > 0 && catalogue.some((r) => !r.appliesTo.includes('cerfa')))(
    'plants --invalid <rule> so that rule fails, and refuses a rule of another kind',
    async () => {
      const rule = rulesFor('cerfa')[0]!;
      const run = await generate('cerfa', '--count', '3', '--seed', '3', '--invalid', rule.id, '--with-context');
      expect(run.code).toBe(0);
      for (const record of lines(run.stdout) as { payload: unknown; context: object }[]) {
        expect(Object.keys(record.payload as object)).toEqual(['cerfa']);
        expect(checkRule(rule, lireDepotCerfa(record.payload).cerfa, record.context).outcome).toBe('fail');
      }
      const other = catalogue.find((r) => !r.appliesTo.includes('cerfa'))!;
      const refused = await generate('cerfa', '--count', '1', '--invalid', other.id);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`rule "${other.id}" applies to`);
    },
  );

  it('waits for a slow reader (backpressure) and keeps every line in order', async () => {
    const received: string[] = [];
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, callback) {
        received.push(chunk.toString());
        setTimeout(callback, 1);
      },
    });
    let maxBuffered = 0;
    const write = slow.write.bind(slow);
    slow.write = ((chunk: never, ...rest: never[]) => {
      const ok = write(chunk, ...rest);
      maxBuffered = Math.max(maxBuffered, slow.writableLength);
      return ok;
    }) as typeof slow.write;
    const io: CliIO = { stdout: slow, stderr: sink([]), stdin: Readable.from([]), env: {}, cwd: scratch };
    const code = await main(['node', 'convergence', 'generate', 'certificat', '--count', '2000', '--seed', '2'], io);
    expect(code).toBe(0);
    const all = lines(received.join('')) as { numeroInterneDossier: string }[];
    expect(all).toHaveLength(2000);
    expect(all[1999]).toEqual(generateRecord('certificat', 2, 1999).payload);
    // About 1 MB written, never more than one 64 KB chunk waiting: the command awaited 'drain'.
    expect(received.join('').length).toBeGreaterThan(512 * 1024);
    expect(maxBuffered).toBeLessThan(128 * 1024);
  });

  // The one spawned process: real stdout, and a reader that stops early (`| head`) — needs the compiled CLI.
  it.runIf(built)('stops quietly with exit 0 when the reader closes the pipe early', async () => {
    const child = spawn(process.execPath, [bin, 'generate', 'cerfa', '--count', '1000000', '--seed', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const first = await new Promise<string>((done) => child.stdout.once('data', (d: Buffer) => done(d.toString())));
    child.stdout.destroy();
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(JSON.parse(first.split('\n')[0]!)).toEqual(surLeFil('cerfa', generateCerfa(1, 0), 1, 0));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
