// `convergence mock`: serves the stateful mock OPCO on a port until SIGINT/SIGTERM.
import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CommandContext } from '../main.js';
import { EXIT, ExitError, type CliIO } from '../io.js';
import { createMockApp } from '../../mocks/app.js';
import type { MockApp, MockAppOptions, RequestLogEntry } from '../../mocks/http/types.js';
import { ConfigError, DEMO, loadMockConfig, type MockConfig } from '../../mocks/tenants.js';
import { SpecError } from '../../mocks/spec.js';
import { DEFAULT_STORE_FILE, describeStore, resolveStoreSpec } from '../../mocks/store/index.js';
import { PUBLIC_KEY_PATH } from '../../mocks/certification/signature.js';
import { parseBreaks, UnknownVariantError } from '../../mocks/variants/index.js';
import { auditAdminCalls, credentialsConfig, CredentialsError, credentialsFileOf, isFileStore, demoCredentialsIn, isLoopback, listeningUrls, sandboxCredentials } from '../../mocks/host-safety.js';
import { certificationSigning } from './mock-signing.js';
import { serveWithWorkers, workerCount } from './mock-workers.js';

export interface MockCommandOptions {
  port: string;
  host: string;
  store?: string;
  config?: string;
  spec?: string;
  /** Broken variants (mocks/variants) to serve instead of the conformant mock. */
  break?: string[];
  /** Certification mode: PEM private key (Ed25519) that signs the reports; else one kept beside the store. */
  signingKey?: string;
  /** Certification mode: how long a signed report stays valid (ISO 8601 duration, `P12M` by default). */
  validity?: string;
  /** Processes serving the port together (cli/commands/mock-workers.ts); 1 by default. */
  workers?: string;
}

/**
 * The credentials the primary of a pool generated off loopback, handed to its workers: with a database URL nothing is
 * kept on disk, and each worker generating its own would give each a different key.
 */
const WORKER_CREDENTIALS = 'CONVERGENCE_MOCK_WORKER_CREDENTIALS';

type Generated = ReturnType<typeof sandboxCredentials>;

/** Off loopback without --config: the store's credentials, the pool's own in one of its workers. */
function generatedCredentials(store: string, host: string): Generated {
  const inherited = cluster.isWorker ? process.env[WORKER_CREDENTIALS] : undefined;
  if (inherited) return { credentials: JSON.parse(inherited) as Generated['credentials'], created: false, ...(isFileStore(store) ? { file: credentialsFileOf(store) } : {}) };
  try {
    return sandboxCredentials(store);
  } catch (error) {
    if (error instanceof CredentialsError) throw new ExitError(`--host ${host}: ${error.message}`);
    throw error;
  }
}

/** What the banner says of generated credentials: printed in full only when just created. */
function describeGenerated(generated: Generated, host: string): string {
  const c = generated.credentials;
  const kept = generated.file ? `kept in ${generated.file} (mode 0600)` : 'kept nowhere: new ones at each start (give --config to keep yours)';
  if (cluster.isWorker) return `  not loopback (--host ${host}) and no --config: the pool's credentials, printed above when generated, ${kept}\n`;
  if (!generated.created) return `  not loopback (--host ${host}) and no --config: the credentials generated at first start, ${kept}\n`;
  return (
    `  not loopback (--host ${host}) and no --config: credentials generated, printed this once, ${kept}\n` +
    `  demo CFA SIRET ${DEMO.siret}, X-API-KEY: ${c.apiKey}\n` +
    `  admin: Authorization: Bearer ${c.adminToken}\n` +
    `  OAuth2 (every OPCO): client_id ${c.clientId}, client_secret ${c.clientSecret}\n`
  );
}

export interface RunningMock {
  url: string;
  /** The app itself, for commands built on the mock (`test cfa` reads its certification sessions). */
  mock: MockApp;
  /** Token of its admin API (the config's, or the demo one). */
  adminToken: string;
  /** The tenant config it was started with (`--config`, or generated off loopback), parsed; absent for the demo tenant. */
  config?: MockConfig;
  stop(): Promise<void>;
}

function logLine(entry: RequestLogEntry): string {
  const who = [entry.opco, entry.cfa, entry.key ? `key=${entry.key}` : ''].filter(Boolean).join(' ');
  return `${new Date().toISOString()} ${entry.method} ${entry.path} ${entry.status} ${entry.ms}ms ${who}\n`;
}

/**
 * The request log, written once per turn of the event loop: a busy mock answers several requests per turn, and one
 * write for all of them costs a fraction of one each (a write to a file is a system call per write).
 */
export function requestLog(out: Pick<CliIO['stdout'], 'write'>): { line(entry: RequestLogEntry): void; flush(): void } {
  let pending = '';
  const flush = (): void => {
    if (pending === '') return;
    const text = pending;
    pending = '';
    out.write(text);
  };
  return {
    line(entry) {
      if (pending === '') setImmediate(flush);
      pending += logLine(entry);
    },
    flush,
  };
}

/** Starts the mock and prints how to reach it; the caller decides when to stop (signals in the CLI, tests directly). */
export async function startMock(options: MockCommandOptions, io: CliIO, extra: Pick<MockAppOptions, 'certification'> = {}): Promise<RunningMock> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new ExitError(`--port: not a port number: ${options.port}`);
  let config: MockConfig | undefined;
  try {
    config = options.config ? loadMockConfig(resolve(io.cwd, options.config)) : undefined;
  } catch (error) {
    if (error instanceof ConfigError) throw new ExitError(`invalid config: ${error.message}`);
    throw error;
  }
  try {
    parseBreaks(options.break);
  } catch (error) {
    if (error instanceof UnknownVariantError) throw new ExitError(`--break: ${error.message}`);
    throw error;
  }
  const log = requestLog(io.stdout);
  const store = resolveStoreSpec(options.store, io.cwd);
  // Off loopback the demo credentials would let anyone who read the docs in: fresh ones, or the config's own.
  let generated: Generated | undefined;
  if (!isLoopback(options.host)) {
    if (config) {
      const demo = demoCredentialsIn(config);
      if (demo.length > 0) {
        throw new ExitError(`--host ${options.host}: ${options.config} uses the documented demo ${demo.join(', ')}; give your own values, or listen on 127.0.0.1`);
      }
    } else {
      generated = generatedCredentials(store, options.host);
      config = credentialsConfig(generated.credentials);
    }
  }
  const signing = extra.certification && !extra.certification.signing ? certificationSigning(options, store, io.cwd) : undefined;
  const certification = extra.certification && (signing ? { ...extra.certification, signing } : extra.certification);
  let mock;
  try {
    mock = await createMockApp({
      config,
      store,
      ...(options.spec ? { spec: resolve(io.cwd, options.spec) } : {}),
      ...(options.break?.length ? { breaks: options.break } : {}),
      ...(certification ? { certification } : {}),
      // Admin calls have their own line, with who made them (auditAdminCalls).
      onRequest: (entry) => {
        if (!entry.path.startsWith('/_admin')) log.line(entry);
      },
      // The message only: a stack or a payload could carry personal data.
      onError: (error) => io.stderr.write(`internal error: ${error instanceof Error ? `${error.name}: ${error.message}` : 'unknown'}\n`),
    });
  } catch (error) {
    if (error instanceof SpecError) throw new ExitError(`invalid spec: ${error.message}`);
    if (error instanceof Error && /SQLITE|database|EACCES|ENOENT/i.test(`${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`)) {
      throw new ExitError(`cannot open the store ${describeStore(store)}: ${error.message}`);
    }
    throw error;
  }
  const adminToken = config?.admin.token ?? DEMO.adminToken;
  auditAdminCalls(mock.app.server, adminToken, (line) => io.stdout.write(line));
  let address: string;
  try {
    address = await mock.app.listen({ port, host: options.host });
  } catch (error) {
    await mock.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw new ExitError(code === 'EADDRINUSE' ? `port ${port} on ${options.host} is already in use` : `cannot listen on ${options.host}:${port}: ${String(error)}`);
  }
  // In a pool, the first worker prints the banner for all (a replacement prints nothing).
  const quiet = cluster.isWorker && cluster.worker?.id !== 1;
  const say = (text: string): void => {
    if (!quiet) io.stdout.write(text);
  };
  const urls = listeningUrls(mock.app.server.address() as AddressInfo);
  if (!urls.wildcard) say(`Mock OPCO listening on ${address}\n`);
  else {
    // A wildcard address: the URL printed is where it listens, then the ones that reach it.
    say(`Mock OPCO listening on ${urls.bound} (every interface: ${urls.reachable.join(', ')})\n`);
    address = urls.reachable[0] ?? address;
  }
  if (options.break?.length) {
    say(`  BROKEN on purpose (not conformant): ${options.break.join(', ')} — see docs/variants.md\n`);
  }
  say(`  store: ${store === 'memory' ? 'memory (lost at exit)' : describeStore(store)}\n`);
  say(`  root paths (/v1, /v2) serve the "${config?.defaultOpco ?? 'norme'}" profile; /<opco>/v1|v2/... the 11 OPCOs\n`);
  if (generated) {
    say(describeGenerated(generated, options.host));
  } else if (config) {
    say(`  tenants, keys and admin token: from ${options.config}\n`);
  } else {
    // The demo tenant's key and token are documented throwaway values: printing them is the point.
    say(`  demo CFA SIRET ${DEMO.siret}, X-API-KEY: ${DEMO.apiKey}\n`);
    say(`  admin: Authorization: Bearer ${DEMO.adminToken}\n`);
    say(`  OAuth2 (akto): client_id ${DEMO.client.clientId}, client_secret ${DEMO.client.clientSecret}\n`);
  }
  if (signing) {
    say(`  reports signed: Ed25519 key ${signing.signer.keyId} (${signing.signer.source}), valid ${signing.validity}; public key: ${address}${PUBLIC_KEY_PATH}\n`);
  }
  return {
    url: address,
    mock,
    adminToken,
    ...(config ? { config } : {}),
    stop: async () => {
      try {
        await mock.close();
      } finally {
        log.flush();
      }
    },
  };
}

export function registerMock(program: Command, ctx: CommandContext): void {
  program
    .command('mock')
    .description('Serve the stateful mock OPCO (dossiers, échéanciers, factures) for the norme d\'échange API CFA / OPCO')
    .option('--port <port>', 'port to listen on (0: any free port)', '4010')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--store <file|url|memory>', `SQLite file, postgres:// URL, or "memory" (default: DATABASE_URL if it is a postgres:// URL, else ${DEFAULT_STORE_FILE} under the working directory)`)
    .option('--config <file>', 'YAML tenant config (CFAs, API keys, admin token, delays); a demo CFA when absent')
    .option('--spec <file>', 'OpenAPI file to serve (default: the bundled spec)')
    .option('--break <variant...>', 'serve deliberately broken variants, to check that a conformance suite fails (docs/variants.md)')
    .option('--workers <n>', 'processes serving the port together, sharing the store (a SQLite file or a postgres:// URL)', '1')
    .action(async (options: MockCommandOptions) => {
      if (cluster.isPrimary && options.workers !== undefined && workerCount(options.workers, resolveStoreSpec(options.store, ctx.io.cwd)) > 1) {
        await servePool(options, ctx);
        ctx.setExit(EXIT.conformant);
        return;
      }
      // Handlers first: a signal that arrives while the mock starts (or right after its URL is printed) stops it cleanly.
      let onSignal: (signal: NodeJS.Signals) => void = () => undefined;
      const stopped = new Promise<NodeJS.Signals>((done) => (onSignal = done));
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      try {
        const running = await startMock(options, ctx.io);
        const signal = await stopped;
        ctx.io.stdout.write(`${signal} received, stopping the mock\n`);
        await running.stop();
        ctx.setExit(EXIT.conformant);
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}

/** `--workers` > 1: credentials made once for the pool off loopback, then the workers (each a plain `mock`). */
async function servePool(options: MockCommandOptions, ctx: CommandContext): Promise<void> {
  const store = resolveStoreSpec(options.store, ctx.io.cwd);
  if (!isLoopback(options.host) && !options.config) {
    const generated = generatedCredentials(store, options.host);
    process.env[WORKER_CREDENTIALS] = JSON.stringify(generated.credentials);
    ctx.io.stdout.write(describeGenerated(generated, options.host));
  }
  await serveWithWorkers(options.workers ?? '1', store, ctx.io);
}
