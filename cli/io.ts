// The CLI's contract with the outside world: streams it writes to and the exit codes it may return.
import type { Readable, Writable } from 'node:stream';

/** Exit codes are a contract: 0 conformant, 1 findings, 2 tool or input error. */
export const EXIT = { conformant: 0, findings: 1, toolError: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface CliIO {
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean };
  stdin: Readable;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Thrown by commands for a tool or input error; only `main` turns it into an exit code. */
export class ExitError extends Error {
  constructor(
    message: string,
    readonly code: ExitCode = EXIT.toolError,
  ) {
    super(message);
    this.name = 'ExitError';
  }
}

export function defaultIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}
