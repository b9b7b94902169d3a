// Safe by default off loopback (issue 17 §5): fresh credentials instead of the demo ones, the real listening URLs, an admin audit log.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { dirname } from 'node:path';
import { bundledProfiles } from './profiles.js';
import { DEMO, type MockConfig } from './tenants.js';

/** Credentials generated for a mock reachable from other machines; kept beside its SQLite store. */
export interface SandboxCredentials {
  adminToken: string;
  apiKey: string;
  clientId: string;
  clientSecret: string;
  createdAt: string;
}

/** The credentials file cannot be read or written; the message names it. */
export class CredentialsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialsError';
  }
}

/** Whether only this machine can reach `host`: `localhost`, 127.0.0.0/8, `::1` (IPv4-mapped forms included). */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice('::ffff:'.length) : h;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** The demo values a config reuses: off loopback, anyone who read the docs would hold them. */
export function demoCredentialsIn(config: MockConfig): string[] {
  const found = new Set<string>();
  if (config.admin.token === DEMO.adminToken) found.add('admin token');
  for (const cfa of config.cfas) if (Object.values(cfa.keys).includes(DEMO.apiKey)) found.add('CFA API key');
  for (const opco of Object.values(config.opcos ?? {})) {
    if (opco.clients?.some((c) => c.clientSecret === DEMO.client.clientSecret)) found.add('OAuth2 client secret');
  }
  return [...found];
}

const secret = (prefix: string): string => `${prefix}-${randomBytes(24).toString('base64url')}`;

export function generateCredentials(now: Date = new Date()): SandboxCredentials {
  return { adminToken: secret('adm'), apiKey: secret('cfa'), clientId: 'sandbox-client', clientSecret: secret('sec'), createdAt: now.toISOString() };
}

/** Whether the store is a file that files can be kept beside (not `memory`, not a `postgres://` URL). */
export const isFileStore = (store: string): boolean => store !== 'memory' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(store.trim());

/** The credentials file next to a SQLite store: `<store>-credentials.json`. */
export const credentialsFileOf = (store: string): string => `${store}-credentials.json`;

function isCredentials(value: unknown): value is SandboxCredentials {
  const v = value as Record<string, unknown> | null;
  return v !== null && typeof v === 'object' && ['adminToken', 'apiKey', 'clientId', 'clientSecret'].every((k) => typeof v[k] === 'string' && (v[k] as string).length >= 8);
}

/**
 * The store's credentials: read from `<store>-credentials.json`, or generated and written there (mode 0600) on first
 * start; with the memory store (or a database URL), generated for this process only. `created` says whether to print them.
 */
export function sandboxCredentials(store: 'memory' | string): { credentials: SandboxCredentials; file?: string; created: boolean } {
  // No file beside a database server's URL: new ones at each start, as in memory (a --config keeps them).
  if (!isFileStore(store)) return { credentials: generateCredentials(), created: true };
  const file = credentialsFileOf(store);
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new CredentialsError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (text !== undefined) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (!isCredentials(value)) throw new CredentialsError(`${file}: not a credentials file (adminToken, apiKey, clientId, clientSecret); delete it to generate new ones`);
    return { credentials: value, file, created: false };
  }
  const credentials = generateCredentials();
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    throw new CredentialsError(`${file}: cannot write the generated credentials (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return { credentials, file, created: true };
}

/** The demo tenant (same SIRET and IBAN, fictitious) with the generated admin token, key and OAuth2 client on every OPCO. */
export function credentialsConfig(credentials: SandboxCredentials): MockConfig {
  const client = { clientId: credentials.clientId, clientSecret: credentials.clientSecret };
  return {
    admin: { token: credentials.adminToken },
    opcos: Object.fromEntries([...bundledProfiles().keys()].map((id) => [id, { clients: [client] }])),
    cfas: [{ siret: DEMO.siret, denomination: 'CFA de démonstration', keys: { '*': credentials.apiKey }, iban: DEMO.iban }],
  };
}

const urlOf = (address: string, port: number): string => `http://${address.includes(':') ? `[${address}]` : address}:${port}`;

/**
 * Where the server really listens (`http://0.0.0.0:4010`), and the URLs that reach it: on a wildcard address, one per
 * interface of this machine, loopback first; else the address itself.
 */
export function listeningUrls(bound: AddressInfo): { bound: string; wildcard: boolean; reachable: string[] } {
  const wildcard = bound.address === '0.0.0.0' || bound.address === '::';
  if (!wildcard) return { bound: urlOf(bound.address, bound.port), wildcard, reachable: [urlOf(bound.address, bound.port)] };
  const addresses: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) {
      // `::` takes IPv6 and, on most systems, IPv4 too; `0.0.0.0` IPv4 only. Link-local IPv6 needs a zone: left out.
      if (info.family === 'IPv6' && (bound.address === '0.0.0.0' || info.address.startsWith('fe80:'))) continue;
      addresses.push(info.address);
    }
  }
  addresses.sort((a, b) => Number(!isLoopback(a)) - Number(!isLoopback(b)));
  return { bound: urlOf(bound.address, bound.port), wildcard, reachable: [...new Set(addresses)].map((a) => urlOf(a, bound.port)) };
}

/** Names a token without showing it. */
export const tokenFingerprint = (token: string): string => `sha256:${createHash('sha256').update(token).digest('hex').slice(0, 8)}`;

/**
 * Logs every call to /_admin with who made it: the holder of the admin token (its fingerprint) or a refused caller,
 * and the address it came from. Listens on the Node server itself, so every answer is seen, refusals included.
 */
export function auditAdminCalls(server: Server, adminToken: string, write: (line: string) => void): void {
  const expected = Buffer.from(`Bearer ${adminToken}`);
  const who = `admin token ${tokenFingerprint(adminToken)}`;
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (!path.startsWith('/_admin')) return;
    const started = process.hrtime.bigint();
    const given = Buffer.from(String(req.headers.authorization ?? ''));
    const caller = given.length === 0 ? 'no admin token' : given.length === expected.length && timingSafeEqual(given, expected) ? who : 'a wrong admin token';
    const from = req.socket.remoteAddress ?? 'unknown address';
    res.once('finish', () => {
      const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
      write(`${new Date().toISOString()} ADMIN ${req.method ?? '?'} ${path} ${res.statusCode} ${ms}ms by ${caller} from ${from}\n`);
    });
  });
}
