// Benchmark of `convergence mock --workers N` on SQLite and PostgreSQL against `prism mock` in the same run, CPU per request included.
//
// Usage (after `npm run build && tsc -p bench/tsconfig.json`):
//   node dist/bench/mock-workers.js [--seconds 5] [--connections 50] [--workers 2] [--stores sqlite,postgres]
//
// `--workers` takes a list (`1,2`) to run each store with each count. PostgreSQL runs when a URL is given in
// CONVERGENCE_BENCH_DATABASE_URL or CONVERGENCE_TEST_DATABASE_URL (`eval "$(bash .ci/postgres.sh start)"`); the mock
// gets a schema of its own (`?schema=bench_…`), dropped at the end. When CONVERGENCE_TEST_PGDIR names the server's
// folder (.ci/postgres.sh), the database server's CPU is read too, from its postmaster and backends.
//
// Server CPU is the user + system time of the mock's whole process tree: the primary, every worker, and the children
// they reaped (cutime/cstime), read from /proc. On a 2-core machine shared with the load generator, requests per
// CPU second are the figure that stays meaningful when the generator or other users take a core.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { packageRoot } from '../conformance/engine/package-root.js';
import { depotsEtLectures, load, machineCpu, startPrismCli, stopProcess, TICK, type Running } from './mock-load.js';

const TARGETS = { postRatio: 3, getRatio: 5, p99Ms: 20 };

interface Config {
  name: string;
  store?: string;
  workers?: number;
  /** Postmaster of the database the store talks to, when known: its CPU is reported beside the mock's. */
  dbPid?: number;
}

/** CPU seconds of a process tree: each live process's own time, plus what it reaped of its dead children. */
function treeCpu(root: number): number {
  const procs = new Map<number, { ppid: number; cpu: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const f = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      procs.set(Number(entry), { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / TICK });
    } catch {
      // ended between readdir and read
    }
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += procs.get(pid)?.cpu ?? 0;
    for (const [child, p] of procs) if (p.ppid === pid) queue.push(child);
  }
  return total;
}

/** `convergence mock --store … [--workers N]`, ready when the pool (or the single process) says it serves. */
async function startMock(config: Config, dir: string): Promise<Running> {
  const log = join(dir, `${config.name.replace(/\W+/g, '-')}.log`);
  const fd = openSync(log, 'w');
  const args = [join(packageRoot(), 'bin', 'convergence.js'), 'mock', '--port', '0', '--store', config.store!, '--workers', String(config.workers)];
  const started = performance.now();
  const proc = spawn(process.execPath, args, { stdio: ['ignore', fd, 'inherit'] });
  closeSync(fd);
  let exited = false;
  proc.once('exit', () => (exited = true));
  const ready = config.workers! > 1 ? /workers serving on port (\d+)/ : /listening on http:\/\/[^:]+:(\d+)/;
  for (;;) {
    const m = ready.exec(readFileSync(log, 'utf8'));
    if (m) {
      return {
        kind: config.name,
        proc,
        port: Number(m[1]),
        startMs: performance.now() - started,
        stop: () => stopProcess(proc, () => exited),
      };
    }
    if (exited) throw new Error(`${config.name} exited before serving:\n${readFileSync(log, 'utf8')}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

interface Row {
  config: string;
  pass: number;
  scenario: string;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  serverCpu: number;
  dbCpu: number | undefined;
  generatorCpu: number;
  otherCpu: number;
  seconds: number;
}

const out = (line: string): boolean => process.stdout.write(`${line}\n`);
const withParam = (url: string, param: string): string => `${url}${url.includes('?') ? '&' : '?'}${param}`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '5' },
      connections: { type: 'string', default: '50' },
      workers: { type: 'string', default: '2' },
      stores: { type: 'string', default: 'sqlite,postgres' },
    },
  });
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const counts = values.workers.split(',').map(Number);
  const stores = values.stores.split(',');
  const dir = mkdtempSync(join(tmpdir(), 'bench-workers-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

  const pgUrl = process.env.CONVERGENCE_BENCH_DATABASE_URL ?? process.env.CONVERGENCE_TEST_DATABASE_URL;
  const schema = `bench_${process.pid}_${Date.now()}`;
  let dbPid: number | undefined;
  try {
    if (process.env.CONVERGENCE_TEST_PGDIR) dbPid = Number(readFileSync(join(process.env.CONVERGENCE_TEST_PGDIR, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    dbPid = undefined;
  }
  const configs: Config[] = [];
  for (const workers of counts) {
    if (stores.includes('sqlite')) configs.push({ name: `sqlite ×${workers}`, store: join(dir, `w${workers}.sqlite`), workers });
    if (stores.includes('postgres') && pgUrl) configs.push({ name: `postgres ×${workers}`, store: withParam(pgUrl, `schema=${schema}_w${workers}`), workers, dbPid });
  }

  out(`mock workers benchmark: ${seconds} s per scenario, ${connections} keep-alive connections, node ${process.version}`);
  out(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; load average before the run ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  if (stores.includes('postgres') && !pgUrl) out('PostgreSQL: no CONVERGENCE_BENCH_DATABASE_URL nor CONVERGENCE_TEST_DATABASE_URL, skipped');
  if (pgUrl) out(`PostgreSQL: ${dbPid ? `server CPU read from postmaster ${dbPid} and its backends` : 'server CPU not measured (set CONVERGENCE_TEST_PGDIR)'}`);

  const rows: Row[] = [];
  // prism-cli first and last: the machine is shared, and the verdicts use its better run (the harder comparison).
  const order: Config[] = [{ name: 'prism-cli' }, ...configs, { name: 'prism-cli' }];
  try {
    for (const [index, config] of order.entries()) {
      const pass = index > 0 && config.name === 'prism-cli' ? 2 : 1;
      const running = config.store ? await startMock(config, dir) : await startPrismCli(dir, false);
      let deposited = 1;
      const scenarios = depotsEtLectures(() => deposited);
      for (const scenario of scenarios) {
        await load(running.port, scenario.warm, { seconds: 1, max: 2000, connections });
        const cpu0 = { server: treeCpu(running.proc.pid!), db: config.dbPid ? treeCpu(config.dbPid) : 0, gen: process.cpuUsage(), machine: machineCpu() };
        const r = await load(running.port, scenario, { seconds, max: 10_000_000, connections });
        const gen = process.cpuUsage(cpu0.gen);
        const serverCpu = treeCpu(running.proc.pid!) - cpu0.server;
        const dbCpu = config.dbPid ? treeCpu(config.dbPid) - cpu0.db : undefined;
        const generatorCpu = (gen.user + gen.system) / 1e6;
        const machine = machineCpu();
        const otherCpu = Math.max(0, machine.busy - cpu0.machine.busy - serverCpu - (dbCpu ?? 0) - generatorCpu);
        if (scenario.name.startsWith('POST')) deposited = Math.max(1, r.requests);
        rows.push({ config: config.name, pass, scenario: scenario.name, requests: r.requests, errors: r.errors, rps: r.requests / r.seconds, p50: r.p50, p99: r.p99, serverCpu, dbCpu, generatorCpu, otherCpu, seconds: r.seconds });
        if (r.errors > 0) out(`  ${config.name} ${scenario.name}: statuses ${[...r.statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`);
      }
      await running.stop();
    }
  } finally {
    if (pgUrl && stores.includes('postgres')) await dropSchemas(pgUrl, counts.map((w) => `${schema}_w${w}`));
  }
  report(rows, connections);
}

/** The run's schemas go: a benchmark leaves nothing behind in a database it was lent. */
async function dropSchemas(url: string, schemas: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  } catch (error) {
    out(`could not drop the benchmark's schemas (${schemas.join(', ')}): ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function report(rows: Row[], connections: number): void {
  const us = (cpu: number, n: number): string => (n > 0 ? ((cpu / n) * 1e6).toFixed(0) : '-');
  out('');
  out('| server | scenario | requests | req/s | p50 ms | p99 ms | errors | server CPU s | server CPU µs/req | database CPU µs/req | req per CPU s (server + database) | generator CPU s | other processes CPU s |');
  out('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const cpu = r.serverCpu + (r.dbCpu ?? 0);
    out(
      `| ${r.config}${r.pass > 1 ? ' (2nd run)' : ''} | ${r.scenario} | ${r.requests} | ${Math.round(r.rps)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.errors} | ${r.serverCpu.toFixed(1)} | ${us(r.serverCpu, r.requests)} | ${r.dbCpu === undefined ? '-' : us(r.dbCpu, r.requests)} | ${Math.round(r.requests / cpu)} | ${r.generatorCpu.toFixed(1)} | ${r.otherCpu.toFixed(1)} |`,
    );
  }
  out('');
  out(`load average after the run ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${cpus().length} cores × each scenario's duration is the CPU available to all of it.`);

  const best = (config: string, prefix: string): Row | undefined => rows.filter((r) => r.config === config && r.scenario.startsWith(prefix)).sort((a, b) => b.rps - a.rps)[0];
  const perCpu = (r: Row): number => r.requests / (r.serverCpu + (r.dbCpu ?? 0));
  const bestPerCpu = (prefix: string): number => Math.max(0, ...rows.filter((r) => r.config === 'prism-cli' && r.scenario.startsWith(prefix)).map(perCpu));
  const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
  for (const config of [...new Set(rows.map((r) => r.config))].filter((c) => c !== 'prism-cli')) {
    out('');
    out(`targets (${config}, against prism-cli's better run):`);
    for (const [prefix, ratio] of [['POST', TARGETS.postRatio], ['GET', TARGETS.getRatio]] as const) {
      const ours = best(config, prefix);
      const prism = best('prism-cli', prefix);
      if (!ours || !prism) continue;
      out(`  ${prefix} throughput ≥ ${ratio}× prism-cli: ${(ours.rps / prism.rps).toFixed(2)}× → ${verdict(ours.rps >= ratio * prism.rps)} (per CPU second, database included: ${(perCpu(ours) / bestPerCpu(prefix)).toFixed(2)}×)`);
      out(`  p99 < ${TARGETS.p99Ms} ms at ${connections} connections, ${prefix}: ${ours.p99.toFixed(1)} ms → ${verdict(ours.p99 < TARGETS.p99Ms)}`);
    }
  }
}

await main();
