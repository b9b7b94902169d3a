// Several workers on one store (SQLite, and PostgreSQL when a test server is given): a worker killed with -9 under load
// loses no acknowledged write, the others keep serving, and the pool replaces it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { depotCerfa, HEADERS } from '../../mocks/testdata/fixtures.js';
import { PgTestSchemas, pgTestUrl } from '../../mocks/store/testing/postgres.js';
import { BIN } from '../support/process.js';

const WORKERS = 3;
const CLIENTS = 6;
const dir = mkdtempSync(join(tmpdir(), 'mock-workers-'));
const pgUrl = pgTestUrl();
const schemas = pgUrl ? new PgTestSchemas(pgUrl) : undefined;
const primaries: ChildProcess[] = [];
afterAll(async () => {
  for (const p of primaries) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  await schemas?.dropAll();
});

const stores: [string, () => string][] = [['sqlite', () => join(dir, `workers-${Math.random()}.sqlite`)]];
if (schemas) stores.push(['postgres', () => `${pgUrl}${pgUrl!.includes('?') ? '&' : '?'}schema=${schemas.schema()}`]);

/** The pool as the CLI runs it (cli/commands/mock-workers.ts), in a primary process of its own. */
function startPool(store: string): Promise<{ primary: ChildProcess; port: number; pids: number[]; output: () => string; exited: Promise<number | null> }> {
  const module = new URL('../../dist/cli/commands/mock-workers.js', import.meta.url).href;
  const io = new URL('../../dist/cli/io.js', import.meta.url).href;
  const script = `
    const { serveWithWorkers } = await import(${JSON.stringify(module)});
    const { defaultIO } = await import(${JSON.stringify(io)});
    await serveWithWorkers('${WORKERS}', process.argv[2], defaultIO(), [process.execPath, ${JSON.stringify(BIN)}, 'mock', '--port', '0', '--store', process.argv[2]]);
    process.exit(0);`;
  // A file, not `node -e`: the workers inherit the primary's node options, an `-e` among them would run instead.
  const file = join(dir, `primary-${Math.random()}.mjs`);
  writeFileSync(file, script);
  const primary = spawn(process.execPath, [file, store], { stdio: ['ignore', 'pipe', 'pipe'] });
  primaries.push(primary);
  let out = '';
  const exited = new Promise<number | null>((resolve) => primary.on('exit', (code) => resolve(code)));
  primary.stdout!.on('data', (c) => (out += String(c)));
  primary.stderr!.on('data', (c) => (out += String(c)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the pool did not start within 30 s: ${out}`)), 30_000);
    primary.stdout!.on('data', () => {
      const m = /workers serving on port (\d+) \(pids ([\d, ]+)\)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({ primary, port: Number(m[1]), pids: m[2]!.split(', ').map(Number), output: () => out, exited });
    });
    void exited.then((code) => reject(new Error(`the pool exited (${code}): ${out}`)));
  });
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.each(stores)('mock --workers on %s', (_name, place) => {
  it('loses no acknowledged deposit when a worker is killed with -9 under load, and keeps serving', async () => {
    const pool = await startPool(place());
    const url = `http://127.0.0.1:${pool.port}`;
    expect(pool.pids).toHaveLength(WORKERS);
    const acked = new Map<string, string>();
    let killedAt = Number.POSITIVE_INFINITY;
    let ackedAfterKill = 0;
    let failed = 0;
    let stop = false;
    let n = 0;
    const client = async (): Promise<void> => {
      while (!stop) {
        const numero = `W-${n++}`;
        try {
          const res = await fetch(`${url}/v2/dossiers`, {
            method: 'POST',
            headers: { ...HEADERS, 'content-type': 'application/json' },
            body: JSON.stringify(depotCerfa(numero)),
            signal: AbortSignal.timeout(10_000),
          });
          const body = (await res.json()) as { numeroExterne?: string };
          expect(res.status, JSON.stringify(body)).toBe(201);
          acked.set(numero, body.numeroExterne!);
          if (Date.now() > killedAt) ackedAfterKill++;
        } catch (error) {
          // Only a request cut by the kill may fail: its connection was the killed worker's.
          if (error instanceof Error && error.name === 'AssertionError') throw error;
          failed++;
        }
      }
    };
    const load = Array.from({ length: CLIENTS }, client);
    await new Promise((r) => setTimeout(r, 1_200));
    const victim = pool.pids[1]!;
    killedAt = Date.now();
    process.kill(victim, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 1_500));
    stop = true;
    await Promise.all(load);

    console.log(`workers on ${_name}: ${acked.size} deposits acknowledged, ${ackedAfterKill} after the kill, ${failed} cut by it`);
    expect(alive(victim)).toBe(false);
    expect(ackedAfterKill, 'the other workers kept serving').toBeGreaterThan(10);
    expect(failed).toBeLessThanOrEqual(CLIENTS);
    expect(pool.output()).toMatch(new RegExp(`worker ${victim} ended \\(SIGKILL\\); starting another`));
    // Every acknowledged deposit is there, with the number it was given, whichever worker reads it.
    const externes = new Set<string>();
    for (const [numero, externe] of acked) {
      const res = await fetch(`${url}/v2/dossiers?numeroInterne=${numero}`, { headers: HEADERS });
      expect(res.status, `acknowledged dossier ${numero} lost`).toBe(200);
      expect(((await res.json()) as { cerfa: { numeroExterne: string } }).cerfa.numeroExterne).toBe(externe);
      externes.add(externe);
    }
    expect(externes.size, 'a numeroExterne given twice').toBe(acked.size);

    pool.primary.kill('SIGTERM');
    expect(await pool.exited).toBe(0);
    expect(pool.pids.filter(alive)).toEqual([]);
  }, 60_000);
});
