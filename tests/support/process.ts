// Starts the built `convergence mock` (or `test cfa`) as a child process on a SQLite file and reads its URL from the start-up output.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/convergence.js', import.meta.url));

export interface MockProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/** `command` is the CLI command that serves the mock: `mock`, or `test cfa` (certification mode). */
export function startMockProcess(store: string, extra: string[] = [], command: readonly string[] = ['mock']): Promise<MockProcess> {
  return serverProcess(spawn(process.execPath, [BIN, ...command, '--port', '0', '--store', store, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** A spawned server (stdout and stderr piped), once it has printed `listening on <url>`. */
export function serverProcess(child: ChildProcess): Promise<MockProcess> {
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.stderr!.on('data', (c) => (err += String(c)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no URL printed within 20 s; stderr: ${err}`));
    }, 20_000);
    child.stdout!.on('data', (c) => {
      out += String(c);
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => out, exited });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited early (${code}): ${err}`));
    });
  });
}

/** SIGKILL, then wait for the process to be gone (its file locks released). */
export async function kill9(p: MockProcess): Promise<void> {
  p.child.kill('SIGKILL');
  await p.exited;
}
