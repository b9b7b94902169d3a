// Benchmark of the mock OPCO against Prism's mocker on the same spec: req/s, p50/p99 latency and RSS on loopback.
//
// Usage (after `npm run build && tsc -p bench/tsconfig.json`):
//   node dist/bench/mock.js [--seconds 5] [--concurrency 32] [--max 200000]
// Each server runs in its own child process (so its RSS is its own) and is driven from this process by a small
// keep-alive HTTP client. Baseline: `@stoplight/prism-http`'s createInstance (request validation on, static
// examples) behind a plain node:http server — `@stoplight/prism-cli` is not a dependency of the kit, and its
// server adds the same kind of thin layer. Ours: `createMockApp` with the in-memory store and with the SQLite store
// (WAL, synchronous=FULL: every acknowledged deposit is on disk).
import { fork, type ChildProcess } from 'node:child_process';
import { createServer, Agent, request as httpRequest, type IncomingMessage } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createInstance, getHttpOperationsFromSpec, type IHttpRequest } from '@stoplight/prism-http';
import { createMockApp } from '../mocks/app.js';
import { defaultSpecPath } from '../mocks/spec.js';
import { HEADERS, validCerfa } from '../mocks/testdata/fixtures.js';

type ServerKind = 'prism' | 'mock-memory' | 'mock-sqlite';

const SERVERS: ServerKind[] = ['prism', 'mock-memory', 'mock-sqlite'];

// ---------- child side: one server per process ----------

function silentLogger(): never {
  const noop = (): void => undefined;
  const logger: Record<string, unknown> = { level: 'silent' };
  for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'success', 'silent']) logger[level] = noop;
  logger.child = () => logger;
  return logger as never;
}

async function servePrism(): Promise<number> {
  const spec = defaultSpecPath();
  const operations = await getHttpOperationsFromSpec(spec);
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
  return typeof address === 'object' && address ? address.port : 0;
}

async function serveMock(kind: 'mock-memory' | 'mock-sqlite'): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-mock-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const { app } = await createMockApp({ store: kind === 'mock-memory' ? 'memory' : join(dir, 'mock.sqlite') });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

async function child(kind: ServerKind): Promise<void> {
  const port = kind === 'prism' ? await servePrism() : await serveMock(kind);
  process.on('message', (message: string) => {
    if (message === 'rss') process.send?.({ rss: process.memoryUsage().rss });
    if (message === 'stop') process.exit(0);
  });
  process.send?.({ port });
}

// ---------- parent side: load generator ----------

interface Scenario {
  name: string;
  /** Builds request i. */
  request(i: number): { method: 'GET' | 'POST'; path: string; body?: string };
  /** Status codes that count as success. */
  ok: number[];
}

interface Result {
  server: ServerKind;
  scenario: string;
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
  rss: number;
}

function send(agent: Agent, port: number, req: { method: string; path: string; body?: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...HEADERS };
    if (req.body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(req.body);
    }
    const r = httpRequest({ host: '127.0.0.1', port, method: req.method, path: req.path, agent, headers }, (res: IncomingMessage) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

async function load(port: number, scenario: Scenario, seconds: number, concurrency: number, max: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline && next < max) {
      const i = next++;
      const t0 = performance.now();
      try {
        const status = await send(agent, port, scenario.request(i));
        if (!scenario.ok.includes(status)) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))] ?? 0;
  return { requests: latencies.length, errors, seconds: elapsed, p50: pct(50), p99: pct(99) };
}

function startChild(kind: ServerKind): Promise<{ proc: ChildProcess; port: number }> {
  const proc = fork(fileURLToPath(import.meta.url), ['--serve', kind], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    proc.once('message', (m: { port?: number }) => (m.port ? resolve({ proc, port: m.port }) : reject(new Error('no port'))));
    proc.once('exit', (code) => reject(new Error(`${kind} exited (${code})`)));
  });
}

const rssOf = (proc: ChildProcess): Promise<number> =>
  new Promise((resolve) => {
    proc.once('message', (m: { rss?: number }) => resolve(m.rss ?? 0));
    proc.send('rss');
  });

async function parent(seconds: number, concurrency: number, max: number): Promise<void> {
  const out = (line: string): boolean => process.stdout.write(`${line}\n`);
  out(`mock benchmark: ${seconds}s per scenario, ${concurrency} concurrent keep-alive connections, at most ${max} requests; node ${process.version}`);
  out(`spec: ${defaultSpecPath()}`);
  const cerfaBodies = (i: number): string => JSON.stringify(validCerfa(`BENCH-${i}`, { nom: `NOM${i}` }));
  const results: Result[] = [];
  for (const server of SERVERS) {
    const { proc, port } = await startChild(server);
    let deposited = 1;
    const scenarios: Scenario[] = [
      { name: 'POST /v2/dossiers', request: (i) => ({ method: 'POST', path: '/v2/dossiers', body: cerfaBodies(i) }), ok: [201] },
      // Reads the dossiers deposited by the previous scenario (Prism answers its example whatever the number).
      { name: 'GET /v2/dossiers', request: (i) => ({ method: 'GET', path: `/v2/dossiers?numeroInterne=BENCH-${i % deposited}` }), ok: [200] },
    ];
    for (const scenario of scenarios) {
      // A short warm-up so JIT and caches do not weigh on the first numbers (its dossiers are numbered from `max`).
      await load(port, { ...scenario, request: (i) => scenario.request(max + i) }, 0.5, concurrency, 2000);
      const r = await load(port, scenario, seconds, concurrency, max);
      if (scenario.name.startsWith('POST')) deposited = Math.max(1, r.requests - r.errors);
      results.push({ server, scenario: scenario.name, ...r, rss: await rssOf(proc) });
    }
    proc.send('stop');
  }
  out('');
  out(`${'server'.padEnd(12)} ${'scenario'.padEnd(18)} ${'requests'.padStart(9)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'errors'.padStart(6)} ${'RSS MB'.padStart(7)}`);
  for (const r of results) {
    out(
      `${r.server.padEnd(12)} ${r.scenario.padEnd(18)} ${String(r.requests).padStart(9)} ${String(Math.round(r.requests / r.seconds)).padStart(8)} ${r.p50.toFixed(2).padStart(7)} ${r.p99.toFixed(2).padStart(7)} ${String(r.errors).padStart(6)} ${(r.rss / 1024 / 1024).toFixed(0).padStart(7)}`,
    );
  }
  out('');
  out('errors = answers other than 201 (POST) / 200 (GET); Prism answers examples, the mock stores and reads real dossiers.');
}

const { values } = parseArgs({
  options: {
    serve: { type: 'string' },
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '32' },
    max: { type: 'string', default: '200000' },
  },
});

if (values.serve) {
  if (!SERVERS.includes(values.serve as ServerKind)) throw new Error(`unknown server ${values.serve}`);
  await child(values.serve as ServerKind);
} else {
  await parent(Number(values.seconds), Number(values.concurrency), Number(values.max));
}
