// Shared by the mock benchmarks (bench/mock.ts, bench/mock-workers.ts): /proc readings, `prism mock` as the
// baseline, and the raw keep-alive load generator with its pre-serialised requests.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { packageRoot } from '../conformance/engine/package-root.js';
import { defaultSpecPath } from '../mocks/spec.js';
import { depotCerfa, HEADERS } from '../mocks/testdata/fixtures.js';

// ---------- /proc readings (Linux) ----------

export function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export const TICK = 100; // USER_HZ on Linux
/** User + system CPU seconds of a process. */
export function cpuOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICK;
  } catch {
    return 0;
  }
}

/** Busy and total CPU seconds of the whole machine (all cores). */
export function machineCpu(): { busy: number; total: number } {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = line.reduce((a, b) => a + b, 0);
    const idle = (line[3] ?? 0) + (line[4] ?? 0);
    return { busy: (total - idle) / TICK, total: total / TICK };
  } catch {
    return { busy: 0, total: 0 };
  }
}

// ---------- servers ----------

export interface Running {
  kind: string;
  proc: ChildProcess;
  port: number;
  startMs: number;
  stop(): Promise<void>;
}

/** A free loopback port: `prism mock` needs one named (it has no port 0 report when silent). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

/** `prism mock` with silent logging, ready when it answers HTTP at all. */
export async function startPrismCli(dir: string, profile: boolean): Promise<Running> {
  const port = await freePort();
  const execArgv = profile ? ['--cpu-prof', `--cpu-prof-dir=${join(packageRoot(), '.tmp', 'bench', 'profiles')}`] : [];
  const prismBin = join(packageRoot(), 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');
  const started = performance.now();
  const fd = openSync(join(dir, 'prism-cli.log'), 'w');
  const proc = spawn(process.execPath, [...execArgv, prismBin, 'mock', '-h', '127.0.0.1', '-p', String(port), '-v', 'silent', defaultSpecPath()], {
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  let exited = false;
  proc.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error('prism mock exited before listening');
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    kind: 'prism-cli',
    proc,
    port,
    startMs: performance.now() - started,
    stop: () => stopProcess(proc, () => exited),
  };
}


// ---------- load generator ----------

/** Latency histogram at 10 µs resolution up to 10 s: constant memory whatever the number of requests. */
export class Histogram {
  private readonly buckets = new Uint32Array(1_000_001);
  count = 0;
  add(ms: number): void {
    this.buckets[Math.min(1_000_000, Math.round(ms * 100))]!++;
    this.count++;
  }
  percentile(p: number): number {
    const rank = Math.ceil((this.count * p) / 100);
    let seen = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i]!;
      if (seen >= rank && rank > 0) return i / 100;
    }
    return 0;
  }
}

export interface Scenario {
  name: string;
  /** The bytes of request i, headers and body. */
  request(i: number): Buffer;
  ok: number;
}

export const HEADER_LINES = Object.entries(HEADERS)
  .map(([k, v]) => `${k}: ${v}\r\n`)
  .join('');

export function getRequest(path: string): Buffer {
  return Buffer.from(`GET ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\n${HEADER_LINES}\r\n`, 'latin1');
}

export function postRequest(path: string, body: string): Buffer {
  const bytes = Buffer.from(body, 'utf8');
  const head = Buffer.from(`POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${bytes.length}\r\n${HEADER_LINES}\r\n`, 'latin1');
  return Buffer.concat([head, bytes]);
}

/** Letters only, so the apprentice's name stays a plausible name: 0 → A, 25 → Z, 26 → BA… */
export function letters(i: number): string {
  let out = '';
  do {
    out = String.fromCharCode(65 + (i % 26)) + out;
    i = Math.floor(i / 26);
  } while (i > 0);
  return out;
}

/**
 * A valid deposit body (`{"cerfa": …}`, the wire's) serialised once; each request splices its own numeroInterne
 * and apprentice name into the text.
 */
export function cerfaTemplate(prefix: string): (i: number) => string {
  const [a = '', b = '', c = ''] = JSON.stringify(depotCerfa(`${prefix}-@N@`, { nom: 'NOM@L@' })).split(/@N@|@L@/);
  return (i) => `${a}${i}${b}${letters(i)}${c}`;
}

/**
 * The two scenarios both mock benchmarks measure, each with its warm-up: deposits of valid CERFAs, then reads of
 * the dossiers the deposits made, round robin (`deposited()` of them; Prism answers its example whatever the number).
 */
export function depotsEtLectures(deposited: () => number): (Scenario & { warm: Scenario })[] {
  const post = cerfaTemplate('BENCH');
  const warmPost = cerfaTemplate('WARM');
  return [
    {
      name: 'POST /v2/dossiers',
      request: (i) => postRequest('/v2/dossiers', post(i)),
      ok: 201,
      warm: { name: 'warm', request: (i) => postRequest('/v2/dossiers', warmPost(i)), ok: 201 },
    },
    {
      name: 'GET /v2/dossiers?numeroInterne=',
      request: (i) => getRequest(`/v2/dossiers?numeroInterne=BENCH-${i % deposited()}`),
      ok: 200,
      warm: { name: 'warm', request: (i) => getRequest(`/v2/dossiers?numeroInterne=WARM-${i % 2000}`), ok: 200 },
    },
  ];
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
  statuses: Map<number, number>;
}

/**
 * `connections` keep-alive sockets, each sending its next request as soon as the previous answer is complete,
 * until `seconds` have passed or `max` requests were sent. `onProgress` is called every `every` answers.
 */
export async function load(
  port: number,
  scenario: Scenario,
  opts: { seconds: number; max: number; connections: number; every?: number; onProgress?: (done: number) => void },
): Promise<LoadResult> {
  const histogram = new Histogram();
  const statuses = new Map<number, number>();
  let next = 0;
  let errors = 0;
  let done = 0;
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  const connection = (): Promise<void> =>
    new Promise<void>((resolve) => {
      let socket: Socket;
      let pending: Buffer | null = null;
      let t0 = 0;
      let inFlight = false;
      const open = (): void => {
        socket = connect(port, '127.0.0.1');
        socket.setNoDelay(true);
        socket.on('data', onData);
        socket.on('error', () => undefined);
        socket.on('close', () => {
          if (inFlight) {
            errors++;
            inFlight = false;
            open();
            sendNext();
          }
        });
      };
      const sendNext = (): void => {
        if (performance.now() >= deadline || next >= opts.max) {
          socket.removeAllListeners('close');
          socket.destroy();
          resolve();
          return;
        }
        const request = scenario.request(next++);
        pending = null;
        inFlight = true;
        t0 = performance.now();
        socket.write(request);
      };
      const onData = (chunk: Buffer): void => {
        pending = pending ? Buffer.concat([pending, chunk]) : chunk;
        const headerEnd = pending.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const head = pending.toString('latin1', 0, headerEnd);
        const length = /\r\ncontent-length: *(\d+)/i.exec(head);
        const complete = length
          ? pending.length >= headerEnd + 4 + Number(length[1])
          : /\r\ntransfer-encoding: *chunked/i.test(head)
            ? pending.length >= 5 && pending.toString('latin1', pending.length - 5) === '0\r\n\r\n'
            : true;
        if (!complete) return;
        const status = Number(head.slice(9, 12));
        histogram.add(performance.now() - t0);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status !== scenario.ok) errors++;
        inFlight = false;
        done++;
        if (opts.onProgress && opts.every && done % opts.every === 0) opts.onProgress(done);
        sendNext();
      };
      open();
      sendNext();
    });
  await Promise.all(Array.from({ length: opts.connections }, connection));
  const seconds = (performance.now() - started) / 1000;
  return { requests: histogram.count, errors, seconds, p50: histogram.percentile(50), p99: histogram.percentile(99), statuses };
}

/** Stops a spawned server with SIGTERM and resolves once it has exited (at once if it already has). */
export function stopProcess(proc: ChildProcess, exited: () => boolean): Promise<void> {
  return new Promise<void>((resolve) => {
    if (exited()) return resolve();
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });
}
