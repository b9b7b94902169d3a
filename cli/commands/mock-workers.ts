// `convergence mock --workers N`: N processes of the mock behind one listening socket (node:cluster); one that dies is replaced.
import cluster, { type Worker } from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { ExitError, type CliIO } from '../io.js';

/** More workers than this on one machine is a mistake, not a configuration (each holds its own spec, caches, pool). */
const MAX_WORKERS = 64;

export interface WorkersOptions {
  workers: number;
  /** What each worker runs: the CLI's entry script and its `mock …` arguments, without `--workers`. */
  exec: string;
  args: string[];
  /** One line per event of the pool (a worker died and was replaced). */
  log: (line: string) => void;
}

export interface RunningWorkers {
  /** Once every worker listens: the port they share. Rejects when a worker ends before listening. */
  ready: Promise<{ port: number }>;
  /** Resolves when a worker, a replacement included, ended before listening: the pool has stopped its other workers. */
  failed: Promise<WorkerStartError>;
  /** Process ids of the live workers. */
  pids(): number[];
  /** SIGTERM to every worker (each answers its requests in flight, then exits), then waits for them all. */
  stop(): Promise<void>;
}

/** A worker ended before it listened (bad option, store out of reach…): its own message is on stderr above. */
export class WorkerStartError extends Error {
  constructor(readonly exitCode: number | null) {
    super(`a worker ended before listening (exit ${exitCode ?? 'by signal'})`);
    this.name = 'WorkerStartError';
  }
}

/** The command line of a worker: the primary's, without `--workers N` (or `--workers=N`). */
export function workerArgs(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--workers') i++;
    else if (!argv[i]!.startsWith('--workers=')) out.push(argv[i]!);
  }
  return out;
}

/**
 * Forks the workers from the primary process. Each runs the mock as a plain `convergence mock`: its `listen()` goes
 * through the primary, which owns the socket and hands each new connection to a worker in turn, so `--port 0` gives
 * them all the same port. They share nothing but the store, which must therefore be a file or a PostgreSQL URL.
 * A worker that dies after it listened is replaced; one that ends before (the same failure would repeat) stops the
 * pool and fails `ready`.
 */
export function runWorkers(options: WorkersOptions): RunningWorkers {
  if (!cluster.isPrimary) throw new Error('runWorkers runs in the primary process');
  cluster.setupPrimary({ exec: options.exec, args: options.args });
  const live = new Map<number, Worker>();
  const listened = new Set<number>();
  let stopping = false;
  let resolveReady: (value: { port: number }) => void = () => undefined;
  let rejectReady: (error: Error) => void = () => undefined;
  const ready = new Promise<{ port: number }>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // Marked handled: a caller that only calls stop() must not get an unhandled rejection.
  ready.catch(() => undefined);
  let fail: (error: WorkerStartError) => void = () => undefined;
  const failed = new Promise<WorkerStartError>((resolve) => (fail = resolve));

  const fork = (): void => {
    const worker = cluster.fork();
    live.set(worker.id, worker);
    worker.on('listening', (address: AddressInfo) => {
      listened.add(worker.id);
      if ([...live.keys()].every((id) => listened.has(id))) resolveReady({ port: address.port });
    });
    worker.on('exit', (code, signal) => {
      live.delete(worker.id);
      if (stopping) return;
      if (!listened.has(worker.id)) {
        stopping = true;
        const error = new WorkerStartError(code);
        rejectReady(error);
        fail(error);
        for (const other of live.values()) other.process.kill('SIGTERM');
        return;
      }
      options.log(`worker ${worker.process.pid} ended (${signal ?? `exit ${code}`}); starting another`);
      fork();
    });
  };
  for (let i = 0; i < options.workers; i++) fork();

  return {
    ready,
    failed,
    pids: () => [...live.values()].map((w) => w.process.pid).filter((pid): pid is number => pid !== undefined),
    stop: async () => {
      stopping = true;
      const exits = [...live.values()].map((w) => new Promise<void>((done) => (w.isDead() ? done() : w.once('exit', () => done()))));
      for (const w of live.values()) w.process.kill('SIGTERM');
      await Promise.all(exits);
    },
  };
}

/** `--workers` as a number, checked with the store it needs (the workers share nothing else). */
export function workerCount(workers: string, store: string): number {
  const count = Number(workers);
  if (!Number.isInteger(count) || count < 1 || count > MAX_WORKERS) throw new ExitError(`--workers: a whole number from 1 to ${MAX_WORKERS}, not ${workers}`);
  if (store === 'memory' && count > 1) {
    throw new ExitError('--workers: the workers share their data through the store only; give a SQLite file or a postgres:// URL, not memory');
  }
  return count;
}

/**
 * The `mock` command's primary process when `--workers` is more than 1: checks the option and the store, serves with
 * the pool until SIGINT or SIGTERM, then stops every worker cleanly. `store` is the resolved `--store`.
 */
export async function serveWithWorkers(workers: string, store: string, io: CliIO, argv: readonly string[] = process.argv): Promise<void> {
  const count = workerCount(workers, store);
  let onSignal: (signal: NodeJS.Signals) => void = () => undefined;
  const stopped = new Promise<NodeJS.Signals>((done) => (onSignal = done));
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const pool = runWorkers({ workers: count, exec: argv[1]!, args: workerArgs(argv.slice(2)), log: (line) => io.stderr.write(`${line}\n`) });
    const started = await Promise.race([pool.ready, stopped.then(() => undefined)]).catch(async (error: unknown) => {
      await pool.stop();
      if (error instanceof WorkerStartError) throw new ExitError(`--workers: ${error.message}`);
      throw error;
    });
    if (started) io.stdout.write(`${count} workers serving on port ${started.port} (pids ${pool.pids().join(', ')})\n`);
    const ended = await Promise.race([stopped, pool.failed]);
    if (ended instanceof WorkerStartError) {
      await pool.stop();
      throw new ExitError(`--workers: ${ended.message} to replace one that died`);
    }
    io.stdout.write(`${ended} received, stopping the ${count} workers\n`);
    await pool.stop();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
