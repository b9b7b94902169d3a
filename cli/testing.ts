// Test support: an in-memory CliIO that captures what a command writes, for driving `main(argv, io)` in-process.
import { PassThrough, Readable } from 'node:stream';
import type { CliIO } from './io.js';

export type CapturedIO = CliIO & { out(): string; err(): string };

export function captureIO(cwd: string = process.cwd()): CapturedIO {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += String(chunk)));
  stderr.on('data', (chunk) => (err += String(chunk)));
  return { stdout, stderr, stdin: Readable.from([]), env: {}, cwd, out: () => out, err: () => err };
}
