// Benchmark: the whole server suite (`convergence test opco`) against a freshly started mock, as a user runs both.
//
// Spawns `convergence mock` on a SQLite file and port 0, then runs the suite three times with the admin clock, and
// prints the suite's own duration (report.json) and the command's wall time. Issue 5's target: under 30 s.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const bin = join(root, 'bin', 'convergence.js');
const work = mkdtempSync(join(tmpdir(), 'bench-suite-'));
const runs = Number(process.env.BENCH_SUITE_RUNS ?? 3);

async function startMock(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [bin, 'mock', '--port', '0', '--store', join(work, 'mock.sqlite')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((done, failed) => {
    let out = '';
    const timer = setTimeout(() => failed(new Error('the mock did not start within 20 s')), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        done(match[1]!);
      }
    });
    child.once('exit', (code) => failed(new Error(`the mock exited with ${code}`)));
  });
  child.stdout.resume();
  return { url, stop: () => child.kill('SIGTERM') };
}

const mock = await startMock();
console.log(`suite benchmark: ${runs} runs against ${mock.url} (SQLite store); node ${process.version}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const figures: number[] = [];
try {
  for (let run = 1; run <= runs; run++) {
    const out = join(work, `run-${run}`);
    const started = process.hrtime.bigint();
    const result = spawnSync(
      process.execPath,
      [bin, 'test', 'opco', '--target', mock.url, '--cfa-key', 'demo-cfa-key', '--admin-token', 'demo-admin-token', '--out', out, '--seed', String(run)],
      { encoding: 'utf8' },
    );
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { durationMs: number; scenarios: unknown[]; rules: unknown[]; summary: Record<string, number> };
    figures.push(report.durationMs);
    console.log(
      `run ${run}: exit ${result.status}, ${report.scenarios.length} scenarios, ${report.rules.length} rules, suite ${(report.durationMs / 1000).toFixed(2)} s, command wall time ${(wallMs / 1000).toFixed(2)} s, summary ${JSON.stringify(report.summary)}`,
    );
  }
} finally {
  mock.stop();
}
const worst = Math.max(...figures) / 1000;
console.log(`target: whole suite < 30 s against the mock: ${worst < 30 ? 'met' : 'NOT met'} (worst run ${worst.toFixed(2)} s)`);
rmSync(work, { recursive: true, force: true });
