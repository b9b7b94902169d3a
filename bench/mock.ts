// Benchmark of the mock OPCO against Prism's mocker on the same spec: req/s, p50/p99, RSS, cold start, machine load.
//
// Usage (after `npm run build && tsc -p bench/tsconfig.json`):
//   node dist/bench/mock.js [--seconds 5] [--connections 50] [--servers prism-cli,prism,mock-sqlite,mock-sqlite-normal,mock-memory,http-floor] [--profile]
//   BENCH_REQUESTS=1000000 node dist/bench/mock.js      long mode: that many requests per scenario, RSS sampled
//
// Servers, each in its own process so its RSS and CPU time are its own (read from /proc):
//   prism-cli    the baseline the targets are judged against: `prism mock -v silent <spec>` (`@stoplight/prism-cli`,
//                a devDependency), Prism as its users run it.
//   prism        `@stoplight/prism-http` createInstance (request validation and security checks on, static examples)
//                behind a plain node:http server (`--serve prism` of this file): Prism's core without its server,
//                a stricter reference.
//   mock-sqlite  the real command `node bin/convergence.js mock --port 0 --store <tmp>/mock.sqlite` (WAL,
//                synchronous=FULL: every acknowledged deposit is on disk; one log line per request, to a file).
//   mock-sqlite-normal  the same with CONVERGENCE_SQLITE_SYNC=NORMAL (WAL, no fsync per commit: acknowledged deposits
//                survive kill -9, not a power cut; docs/benchmarks.md).
//   mock-memory  the same with `--store memory`.
//   http-floor   not run by default: node:http answering a fixed body (`--serve floor`), the cost of Node's HTTP
//                stack alone on this machine, under which no server written on it can go.
// Load generator: this process, raw keep-alive sockets (node:net) writing pre-serialised requests and reading
// just the status line and Content-Length (or the chunked terminator): far cheaper than node:http's client, which
// matters because the generator and the server share the machine's cores. The CPU time both used, and what the
// rest of the machine used meanwhile (from /proc/stat), are printed with each scenario.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, openSync, closeSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { packageRoot } from '../conformance/engine/package-root.js';
import { defaultSpecPath } from '../mocks/spec.js';
import { depotCerfa, HEADERS, validCerfa } from '../mocks/testdata/fixtures.js';
import { cpuOf, depotsEtLectures, load, machineCpu, rssOf, startPrismCli, stopProcess, type Running } from './mock-load.js';

type ServerKind = 'prism-cli' | 'prism' | 'mock-sqlite' | 'mock-sqlite-normal' | 'mock-memory' | 'http-floor';
const SERVERS: ServerKind[] = ['prism-cli', 'prism', 'mock-sqlite', 'mock-sqlite-normal', 'mock-memory', 'http-floor'];
const TARGETS = { postRatio: 3, getRatio: 5, p99Ms: 20, coldStartMs: 500 };

// ---------- child side: Prism's mocker behind node:http ----------

function silentLogger(): never {
  const noop = (): void => undefined;
  const logger: Record<string, unknown> = { level: 'silent' };
  for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'success', 'silent']) logger[level] = noop;
  logger.child = () => logger;
  return logger as never;
}

async function servePrism(): Promise<void> {
  const { createInstance, getHttpOperationsFromSpec } = await import('@stoplight/prism-http');
  type IHttpRequest = Parameters<ReturnType<typeof createInstance>['request']>[0];
  const operations = await getHttpOperationsFromSpec(defaultSpecPath());
  const prism = createInstance(
    { mock: { dynamic: false }, checkSecurity: true, validateRequest: true, validateResponse: false, errors: false, upstreamProxy: undefined, isProxy: false },
    { logger: silentLogger() },
  );
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = text;
        }
        const input: IHttpRequest = {
          method: (req.method ?? 'GET').toLowerCase() as IHttpRequest['method'],
          url: { path: url.pathname, query: Object.fromEntries(url.searchParams) },
          headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v ?? '')])),
          body,
        };
        const result = await prism.request(input, operations)();
        if (result._tag === 'Right') {
          const { statusCode, headers, body: out } = result.right.output;
          res.writeHead(statusCode, { 'content-type': 'application/json', ...(headers ?? {}) });
          res.end(out === undefined ? '' : typeof out === 'string' ? out : JSON.stringify(out));
        } else {
          const error = result.left as Error & { status?: number };
          res.writeHead(error.status ?? 500, { 'content-type': 'application/problem+json' });
          res.end(JSON.stringify({ title: error.message }));
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  process.stdout.write(`Prism listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}\n`);
}

/**
 * The floor of Node's HTTP stack on this machine: node:http answering a fixed body of the size of a DossierLu
 * (201 to a POST, after reading its body; 200 to a GET), no routing, no validation, no store.
 */
async function serveFloor(): Promise<void> {
  const created = Buffer.from(JSON.stringify({ numeroInterne: 'BENCH-1', numeroExterne: 'NORME-2026-000001', etat: 'TRANSMIS' }));
  const read = Buffer.from(JSON.stringify({ cerfa: validCerfa('BENCH-1'), echeances: [] }));
  const server = createServer((req, res) => {
    const answer = (): void => {
      const body = req.method === 'POST' ? created : read;
      res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
      res.end(body);
    };
    if (req.method === 'POST') {
      req.on('data', () => undefined);
      req.on('end', answer);
    } else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  process.stdout.write(`Floor listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}\n`);
}

// ---------- servers ----------

/** Spawns a server, its stdout going to a file (the mock logs each request), and waits for its "listening" line. */
async function startServer(kind: ServerKind, dir: string, profile: boolean): Promise<Running> {
  if (kind === 'prism-cli') return startPrismCli(dir, profile);
  const log = join(dir, `${kind}.log`);
  const fd = openSync(log, 'w');
  const execArgv = profile ? ['--cpu-prof', `--cpu-prof-dir=${join(packageRoot(), '.tmp', 'bench', 'profiles')}`] : [];
  const args =
    kind === 'prism' || kind === 'http-floor'
      ? [...execArgv, fileURLToPath(import.meta.url), '--serve', kind === 'prism' ? 'prism' : 'floor']
      : [...execArgv, join(packageRoot(), 'bin', 'convergence.js'), 'mock', '--port', '0', '--store', kind === 'mock-memory' ? 'memory' : join(dir, `${kind}.sqlite`)];
  const env = { ...process.env, CONVERGENCE_SQLITE_SYNC: kind === 'mock-sqlite-normal' ? 'NORMAL' : 'FULL' };
  const started = performance.now();
  const proc = spawn(process.execPath, args, { stdio: ['ignore', fd, 'inherit'], env });
  closeSync(fd);
  let exited = false;
  proc.once('exit', () => (exited = true));
  for (;;) {
    const m = /listening on http:\/\/[^:]+:(\d+)/.exec(readFileSync(log, 'utf8'));
    if (m) {
      return {
        kind,
        proc,
        port: Number(m[1]),
        startMs: performance.now() - started,
        stop: () => stopProcess(proc, () => exited),
      };
    }
    if (exited) throw new Error(`${kind} exited before listening`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** One request on a fresh connection; resolves with the status once the answer is read. */
function once(port: number, method: string, path: string, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = body === undefined ? HEADERS : { ...HEADERS, 'content-type': 'application/json' };
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      res.resume().once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('error', reject);
    req.end(body);
  });
}

/**
 * Cold start as a user sees it: spawn of `convergence mock --port 0 --store memory` until its "listening" line
 * (pipe), then a deposit sent at once: the modules the mock loads after listening (the rule catalogue) are paid by
 * a request that comes that early, so the time to its answer is reported too.
 */
async function coldStart(): Promise<{ listening: number; firstDeposit: number }> {
  const started = performance.now();
  const proc = spawn(process.execPath, [join(packageRoot(), 'bin', 'convergence.js'), 'mock', '--port', '0', '--store', 'memory'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let text = '';
  const [listening, port] = await new Promise<[number, number]>((resolve, reject) => {
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(text);
      if (m) resolve([performance.now() - started, Number(m[1])]);
    });
    proc.once('exit', (code) => reject(new Error(`mock exited (${code}) before listening`)));
  });
  const status = await once(port, 'POST', '/v2/dossiers', JSON.stringify(depotCerfa('COLD-1')));
  if (status !== 201) throw new Error(`cold start: first deposit answered ${status}`);
  const firstDeposit = performance.now() - started;
  proc.removeAllListeners('exit');
  await new Promise<void>((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });
  return { listening, firstDeposit };
}

// ---------- the run ----------

interface Row {
  server: ServerKind;
  /** 2 for the baseline's second run. */
  pass: number;
  scenario: string;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  rssMb: number;
  serverCpu: number;
  generatorCpu: number;
  otherCpu: number;
  seconds: number;
}

const out = (line: string): boolean => process.stdout.write(`${line}\n`);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function parent(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '5' },
      connections: { type: 'string', default: '50' },
      servers: { type: 'string', default: 'prism-cli,prism,mock-sqlite,mock-sqlite-normal,mock-memory' },
      'cold-starts': { type: 'string', default: '5' },
      profile: { type: 'boolean', default: false },
    },
  });
  const longRequests = Number(process.env.BENCH_REQUESTS ?? 0);
  const long = longRequests > 0;
  const seconds = long ? 1e9 : Number(values.seconds);
  const max = long ? longRequests : 10_000_000;
  const connections = Number(values.connections);
  const servers = (long ? 'mock-sqlite' : values.servers).split(',').filter((s): s is ServerKind => SERVERS.includes(s as ServerKind));
  const dir = mkdtempSync(join(tmpdir(), 'bench-mock-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

  out(`mock benchmark: ${long ? `${longRequests.toLocaleString('en-US')} requests` : `${seconds} s`} per scenario, ${connections} keep-alive connections, node ${process.version}`);
  out(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; load average before the run ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  out(`spec: ${defaultSpecPath()}`);

  // Cold start first, while nothing of ours runs.
  const colds: number[] = [];
  const firstDeposits: number[] = [];
  if (!long) {
    for (let k = 0; k < Number(values['cold-starts']); k++) {
      const cold = await coldStart();
      colds.push(cold.listening);
      firstDeposits.push(cold.firstDeposit);
    }
  }
  if (colds.length > 0) {
    out(`cold start (spawn of \`convergence mock --port 0 --store memory\` → "listening" line), ${colds.length} runs: median ${median(colds).toFixed(0)} ms, min ${Math.min(...colds).toFixed(0)} ms, max ${Math.max(...colds).toFixed(0)} ms`);
    out(`  a deposit sent as soon as "listening" arrives is answered ${median(firstDeposits).toFixed(0)} ms after spawn (median; min ${Math.min(...firstDeposits).toFixed(0)}, max ${Math.max(...firstDeposits).toFixed(0)})`);
  }

  const rows: Row[] = [];
  // The baseline runs first and again last: other processes come and go on a shared machine, and the targets are
  // judged against the better of its two runs (the harder comparison for the mock).
  const baselineKind: ServerKind | undefined = servers.includes('prism-cli') ? 'prism-cli' : servers.includes('prism') ? 'prism' : undefined;
  const order = baselineKind && !long && servers.length > 1 ? [baselineKind, ...servers.filter((s) => s !== baselineKind), baselineKind] : servers;
  for (const [index, server] of order.entries()) {
    const pass = order.indexOf(server) === index ? 1 : 2;
    const running = await startServer(server, dir, values.profile);
    let deposited = 1;
    const scenarios = depotsEtLectures(() => deposited);
    for (const scenario of scenarios) {
      // Warm-up: JIT, caches and the first SQLite pages should not weigh on the figures.
      await load(running.port, scenario.warm, { seconds: 1, max: 2000, connections });
      const samples: { done: number; rss: number }[] = [];
      const every = Math.max(1000, Math.floor(max / 20));
      const cpu0 = { server: cpuOf(running.proc.pid!), gen: process.cpuUsage(), machine: machineCpu() };
      const r = await load(running.port, scenario, {
        seconds,
        max,
        connections,
        every: long ? every : undefined,
        onProgress: (done) => {
          const rss = rssOf(running.proc.pid!);
          samples.push({ done, rss });
          out(`  ${server} ${scenario.name}: ${done.toLocaleString('en-US')} requests, RSS ${(rss / 1048576).toFixed(0)} MB`);
        },
      });
      const gen = process.cpuUsage(cpu0.gen);
      const serverCpu = cpuOf(running.proc.pid!) - cpu0.server;
      const generatorCpu = (gen.user + gen.system) / 1e6;
      const machine = machineCpu();
      const otherCpu = Math.max(0, machine.busy - cpu0.machine.busy - serverCpu - generatorCpu);
      if (scenario.name.startsWith('POST')) deposited = Math.max(1, r.requests);
      rows.push({
        server,
        pass,
        scenario: scenario.name,
        requests: r.requests,
        errors: r.errors,
        rps: r.requests / r.seconds,
        p50: r.p50,
        p99: r.p99,
        rssMb: rssOf(running.proc.pid!) / 1048576,
        serverCpu,
        generatorCpu,
        otherCpu,
        seconds: r.seconds,
      });
      if (r.errors > 0) out(`  ${server} ${scenario.name}: statuses ${[...r.statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`);
      if (long && samples.length >= 4) {
        // Least-squares slope of RSS over the second half of the run (the first half includes warm-up growth).
        const tail = samples.slice(Math.floor(samples.length / 2));
        const mx = tail.reduce((a, s) => a + s.done, 0) / tail.length;
        const my = tail.reduce((a, s) => a + s.rss, 0) / tail.length;
        const slope = tail.reduce((a, s) => a + (s.done - mx) * (s.rss - my), 0) / tail.reduce((a, s) => a + (s.done - mx) ** 2, 0);
        const first = samples[0]!;
        const last = samples[samples.length - 1]!;
        out(
          `  RSS ${(first.rss / 1048576).toFixed(0)} MB after ${first.done.toLocaleString('en-US')} requests → ${(last.rss / 1048576).toFixed(0)} MB after ${last.done.toLocaleString('en-US')}; slope over the second half ${((slope * 100_000) / 1048576).toFixed(2)} MB per 100,000 requests`,
        );
      }
    }
    await running.stop();
  }

  out('');
  out(`| server | scenario | requests | req/s | p50 ms | p99 ms | errors | RSS MB | server CPU s | req per server CPU s | generator CPU s | other processes CPU s |`);
  out('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    out(
      `| ${r.server}${r.pass > 1 ? ' (2nd run)' : ''} | ${r.scenario} | ${r.requests} | ${Math.round(r.rps)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.errors} | ${r.rssMb.toFixed(0)} | ${r.serverCpu.toFixed(1)} | ${Math.round(r.requests / r.serverCpu)} | ${r.generatorCpu.toFixed(1)} | ${r.otherCpu.toFixed(1)} |`,
    );
  }
  out('');
  out(`load average after the run ${loadavg().map((l) => l.toFixed(2)).join(' ')}; "other processes" = CPU seconds the rest of the machine used during the scenario (${cpus().length} cores × the scenario's duration available).`);
  out('errors = answers other than 201 (POST) / 200 (GET). Prism answers its examples; the mock validates, runs the rule catalogue, stores and reads back.');

  /** The run of a server and scenario with the best throughput (the baseline runs twice). */
  const find = (server: ServerKind, prefix: string): Row | undefined =>
    rows.filter((r) => r.server === server && r.scenario.startsWith(prefix)).sort((a, b) => b.rps - a.rps)[0];
  /** Best requests per server CPU second over the runs of a server and scenario. */
  const bestPerCpu = (server: ServerKind, prefix: string): number =>
    Math.max(0, ...rows.filter((r) => r.server === server && r.scenario.startsWith(prefix)).map((r) => r.requests / r.serverCpu));
  const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
  // The issue's baseline is `prism mock` itself; Prism's core behind node:http is the fallback when it is not run.
  const baseline: ServerKind = baselineKind ?? 'prism';
  const prismPost = find(baseline, 'POST');
  const prismGet = find(baseline, 'GET');
  // Every mock configuration run is judged; mock-sqlite (the CLI's default store, synchronous=FULL) is what a user runs.
  const ours = servers.filter((s) => s.startsWith('mock-'));
  for (const server of ours) {
    const post = find(server, 'POST');
    const get = find(server, 'GET');
    out('');
    out(`targets (${server}):`);
    // Per CPU second as well: when other processes load the machine, req/s measures the contention too.
    const perCpu = (r: Row): number => r.requests / r.serverCpu;
    if (prismPost && post) {
      out(`  POST throughput ≥ ${TARGETS.postRatio}× ${baseline}: ${(post.rps / prismPost.rps).toFixed(2)}× → ${verdict(post.rps >= TARGETS.postRatio * prismPost.rps)} (per server CPU second: ${(perCpu(post) / bestPerCpu(baseline, 'POST')).toFixed(2)}×)`);
    }
    if (prismGet && get) {
      out(`  GET throughput ≥ ${TARGETS.getRatio}× ${baseline}: ${(get.rps / prismGet.rps).toFixed(2)}× → ${verdict(get.rps >= TARGETS.getRatio * prismGet.rps)} (per server CPU second: ${(perCpu(get) / bestPerCpu(baseline, 'GET')).toFixed(2)}×)`);
    }
    for (const r of [post, get]) {
      if (r) out(`  p99 < ${TARGETS.p99Ms} ms at ${connections} connections, ${r.scenario}: ${r.p99.toFixed(1)} ms → ${verdict(r.p99 < TARGETS.p99Ms)}`);
    }
  }
  if (ours.length > 0) out('');
  if (colds.length > 0) out(`  cold start < ${TARGETS.coldStartMs} ms: median ${median(colds).toFixed(0)} ms → ${verdict(median(colds) < TARGETS.coldStartMs)}`);
  if (!long) out('  RSS trend over 1,000,000 requests: run with BENCH_REQUESTS=1000000');
}

const serveIndex = process.argv.indexOf('--serve');
if (serveIndex >= 0) {
  const what = process.argv[serveIndex + 1];
  if (what === 'prism') await servePrism();
  else if (what === 'floor') await serveFloor();
  else throw new Error('only --serve prism|floor is supported');
} else {
  await parent();
}
