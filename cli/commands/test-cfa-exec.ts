// `convergence test cfa --exec "<command>"`: the certification mock around the editor's own tests, start-server-and-test style.
import { spawn } from 'node:child_process';
import type { CliIO, ExitCode } from '../io.js';
import { EXIT } from '../io.js';
import type { RunningCfa } from './test-cfa.js';

/** What the command finds in its environment to reach the certification mock. */
export function execEnvironment(running: RunningCfa): Record<string, string> {
  return {
    CONVERGENCE_URL: running.url,
    CONVERGENCE_API_KEY: running.apiKey,
    CONVERGENCE_SIRET: running.siret,
    CONVERGENCE_ADMIN_TOKEN: running.adminToken,
    CONVERGENCE_OPCO: running.opco,
  };
}

export interface ExecOutcome {
  /** The command's exit code, or undefined when a signal or the deadline ended it. */
  code: number | undefined;
  /** Why it ended otherwise: the signal that killed it, `--duration`, or a spawn failure. */
  ended?: string;
}

/**
 * Runs `command` through the shell with the mock's coordinates added to its environment, its output copied to
 * the CLI's. `stop` (Ctrl-C, --duration) ends its process group with SIGTERM, then SIGKILL 5 s later.
 */
export function runCommand(command: string, env: Record<string, string>, io: CliIO, stop: Promise<string>): Promise<ExecOutcome> {
  return new Promise((resolve) => {
    // Its own process group, so that stopping it stops what the shell started too (a test runner and its workers).
    const child = spawn(command, { shell: true, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...io.env, ...env } });
    const signalGroup = (signal: NodeJS.Signals): void => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        child.kill(signal);
      }
    };
    child.stdout.on('data', (chunk: Buffer) => io.stdout.write(chunk));
    child.stderr.on('data', (chunk: Buffer) => io.stderr.write(chunk));
    let stoppedBy: string | undefined;
    let killer: NodeJS.Timeout | undefined;
    void stop.then((why) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      stoppedBy = why;
      signalGroup('SIGTERM');
      killer = setTimeout(() => signalGroup('SIGKILL'), 5000);
      killer.unref();
    });
    child.on('error', (error) => resolve({ code: undefined, ended: `could not start: ${error.message}` }));
    // On exit, not close: a process the command left behind may hold its output open. What it wrote is read for
    // up to half a second more.
    const drained = (stream: NodeJS.ReadableStream & { readableEnded: boolean }): Promise<void> =>
      stream.readableEnded ? Promise.resolve() : new Promise((done) => stream.once('end', done).once('close', done));
    child.on('exit', (code, signal) => {
      if (killer) clearTimeout(killer);
      const outcome: ExecOutcome =
        stoppedBy !== undefined ? { code: code ?? undefined, ended: stoppedBy } : signal !== null ? { code: undefined, ended: `killed by ${signal}` } : { code: code ?? undefined };
      const grace = new Promise<void>((done) => setTimeout(done, 500).unref());
      void Promise.race([Promise.all([drained(child.stdout), drained(child.stderr)]), grace]).then(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        resolve(outcome);
      });
    });
  });
}

/**
 * The run's exit code: the certification verdict, made at least 1 when the command failed or was stopped (its
 * tests did not all pass, so the software is not shown to work), and 2 when it could not even start.
 */
export function execExitCode(verdict: ExitCode, outcome: ExecOutcome): ExitCode {
  if (outcome.ended?.startsWith('could not start')) return EXIT.toolError;
  if (outcome.code === 0 && outcome.ended === undefined) return verdict;
  return verdict === EXIT.toolError ? EXIT.toolError : EXIT.findings;
}

/** One line saying how the command ended, for the terminal. */
export function describeOutcome(command: string, outcome: ExecOutcome): string {
  if (outcome.ended !== undefined) return `--exec "${command}": ${outcome.ended}`;
  return `--exec "${command}" exited with code ${outcome.code}${outcome.code === 0 ? '' : ' (the certification run fails with it)'}`;
}
