// Checks the operator's inputs before any scenario: a wrong --target, key or admin token is the operator's error (exit 2), never the server's findings.
import { TargetUnreachableError } from './transport.js';
import type { Target } from './runner.js';
import { TokenSource } from './oauth.js';

/** The operator gave the suite something that cannot work: one line to print, exit 2 (like an unreachable target). */
export class PreflightError extends TargetUnreachableError {
  constructor(message: string) {
    super(message);
    this.name = 'PreflightError';
  }
}

const VERSION_SUFFIX = /\/v[12](\/.*)?$/;

async function get(fetchFn: typeof fetch, url: string, headers: Record<string, string>, timeoutMs: number, what: string): Promise<Response> {
  try {
    return await fetchFn(url, { method: 'GET', headers, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const code = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new PreflightError(`cannot reach the ${what === '--target' ? 'target' : 'admin API'} at ${url}: ${code} (check ${what})`);
  }
}

/**
 * Before the scenarios: the target is the base URL and answers `GET /vN/status`, each CFA key is accepted, the
 * OAuth2 client gets a token, the admin token opens `/_admin`. Throws PreflightError naming the option to fix.
 */
export async function preflight(target: Target, options: { fetch?: typeof fetch; timeoutMs: number; tokens?: TokenSource }): Promise<void> {
  const fetchFn = options.fetch ?? fetch;
  const path = new URL(target.url).pathname.replace(/\/+$/, '');
  if (VERSION_SUFFIX.test(path)) {
    throw new PreflightError(`--target is the base URL before /v2 (or /v1): drop '${path.match(VERSION_SUFFIX)![0]}' from ${target.url}`);
  }
  const version = target.capacites.includes('v2') ? 'v2' : 'v1';
  let bearer: string | undefined;
  if (options.tokens) {
    // A refused client is already an OAuthTokenError naming --client-id: thrown as it is.
    bearer = await options.tokens.token();
  }
  const keys: [string, string][] = [['--cfa-key', target.cfaKey], ...(target.cfaKey2 ? [['--cfa-key-2', target.cfaKey2] as [string, string]] : [])];
  // Status tells whether the base URL is right; some OPCOs answer it without checking the key, so the key is tried on
  // the one read every OPCO offers, the first page of dossier states (harmless, nothing written).
  const probes = [`${target.url}/${version}/status`, `${target.url}/${version}/dossiers/etats?numeroPage=1`];
  for (const [option, key] of keys) {
    const headers: Record<string, string> = {
      'x-api-key': key,
      editeur: target.editor.editeur,
      logiciel: target.editor.logiciel,
      version: target.editor.version,
      accept: 'application/json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    };
    for (const url of probes) {
      const res = await get(fetchFn, url, headers, options.timeoutMs, '--target');
      await res.arrayBuffer().catch(() => undefined);
      const operation = `GET ${url.slice(target.url.length).split('?')[0]}`;
      if (res.status === 401 || res.status === 403) {
        const oauth = bearer ? ' (or the OAuth2 client: --client-id)' : res.status === 401 ? ' (or --client-id, if this OPCO requires an OAuth2 token)' : '';
        throw new PreflightError(`the CFA key was refused (${res.status}) on ${operation}: check ${option}${oauth}`);
      }
      if (res.status === 404 && url === probes[0]) {
        throw new PreflightError(`--target has no /${version}/status (404 at ${url}): is it the base URL before /${version}, and does the profile's version match?`);
      }
    }
  }
  if (target.adminToken) {
    const adminUrl = `${target.adminUrl ?? target.url}/_admin/clock`;
    const res = await get(fetchFn, adminUrl, { authorization: `Bearer ${target.adminToken}`, accept: 'application/json' }, options.timeoutMs, '--admin-url');
    await res.arrayBuffer().catch(() => undefined);
    if (res.status === 401 || res.status === 403) throw new PreflightError(`the admin token was refused (${res.status}) at ${adminUrl}: check --admin-token`);
    if (res.status === 404) throw new PreflightError(`no mock admin API at ${adminUrl} (404): --admin-token is for the kit's mock; check --admin-url or drop --admin-token`);
  }
}
