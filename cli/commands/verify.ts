// `convergence verify <report.json>`: checks a signed certification report; exit 0 valid, 1 expired, 2 tampered or unusable.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CommandContext } from '../main.js';
import { ExitError, type CliIO, type ExitCode } from '../io.js';
import { PUBLIC_KEY_PATH, VERIFY_EXIT, verifyReport, type VerifyResult } from '../../mocks/certification/signature.js';

export interface VerifyOptions {
  key?: string;
  at?: string;
}

function readText(cwd: string, file: string, what: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new ExitError(`${what} ${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** A public key PEM (or the private key, whose public half is taken). */
function readKey(cwd: string, file: string): KeyObject {
  try {
    const key = createPublicKey(readText(cwd, file, '--key'));
    if (key.asymmetricKeyType !== 'ed25519') throw new ExitError(`--key ${file}: an Ed25519 key is expected, found ${key.asymmetricKeyType ?? 'another kind'}`);
    return key;
  } catch (error) {
    if (error instanceof ExitError) throw error;
    throw new ExitError(`--key ${file}: not a PEM public key (fetch it from the sandbox's ${PUBLIC_KEY_PATH})`);
  }
}

function describe(result: VerifyResult): string {
  const s = result.statement;
  const lines = [`${result.status}: ${result.reason}`];
  if (s) {
    const software = s.editor ? `${s.editor.editeur} / ${s.editor.logiciel} ${s.editor.version}` : '(no editor headers sent)';
    lines.push(`  verdict: ${s.verdict}; software: ${software}; OPCO profile: ${s.opco}; capabilities: ${s.capabilities.join(', ') || 'none'}`);
    lines.push(`  session ${s.session}, CFA ${s.cfa}; findings ${s.findingsDigest}`);
  }
  if (result.keyId) {
    lines.push(
      result.trustedKey
        ? `  key: ${result.keyId} (the key given with --key)`
        : `  key: ${result.keyId}, the one the report carries: this shows the report is intact, not who signed it; pass --key with the sandbox's public key (${PUBLIC_KEY_PATH}) for that`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Reads and checks the report; returns the exit code (0 valid, 1 expired or not yet valid, 2 otherwise). */
export function runVerify(file: string, options: VerifyOptions, io: CliIO): ExitCode {
  let now = new Date();
  if (options.at !== undefined) {
    now = new Date(options.at);
    if (Number.isNaN(now.getTime())) throw new ExitError(`--at: expected an ISO 8601 date or instant, received '${options.at}'`);
  }
  const publicKey = options.key !== undefined ? readKey(io.cwd, options.key) : undefined;
  let report: unknown;
  try {
    report = JSON.parse(readText(io.cwd, file, 'report'));
  } catch (error) {
    if (error instanceof ExitError) throw error;
    throw new ExitError(`report ${file}: not JSON (give the report.json the sandbox wrote, not the HTML page)`);
  }
  const result = verifyReport(report, { ...(publicKey ? { publicKey } : {}), now });
  (result.status === 'valid' ? io.stdout : io.stderr).write(describe(result));
  return VERIFY_EXIT[result.status];
}

export function registerVerify(program: Command, ctx: CommandContext): void {
  program
    .command('verify')
    .description(
      'Check the signature of a certification report (report.json of convergence test cfa). ' +
        'Exit 0: valid; 1: authentic but expired or not yet valid; 2: tampered, unsigned, signed by another key, or unreadable.',
    )
    .argument('<report>', 'the signed report.json')
    .option('--key <public.pem>', `the sandbox's public key (served at ${PUBLIC_KEY_PATH}); default: the key the report carries`)
    .option('--at <instant>', 'check validity at this date or instant instead of now (ISO 8601)')
    .action((file: string, options: VerifyOptions) => {
      ctx.setExit(runVerify(file, options, ctx.io));
    });
}
