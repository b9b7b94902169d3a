// The preflight blames the operator, in one line naming the option, for the mistakes that are theirs (issue 13 §2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { preflight, PreflightError } from './preflight.js';
import type { Target } from './runner.js';

// An outside double written from the spec: the states page needs the key `good`; /_admin/clock needs `admin`.
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '';
    // Like some OPCOs, the status answers whatever the key; the states page checks it.
    if (url === '/v2/status') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('{"statut":"OK"}');
    }
    if (url === '/v2/dossiers/etats?numeroPage=1') {
      const ok = req.headers['x-api-key'] === 'good';
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      return res.end(ok ? '{"total":0,"count":0,"page":1,"EtatDossierResult":[]}' : '{"errors":[{"code":"CLE_API_INCONNUE","description":"clé inconnue"}]}');
    }
    if (url === '/_admin/clock') {
      const ok = req.headers.authorization === 'Bearer admin';
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      return res.end('{}');
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"errors":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const target = (overrides: Partial<Target> = {}): Target => ({
  url: base,
  cfaKey: 'good',
  editor: { editeur: 'E', logiciel: 'L', version: '1' },
  capacites: ['v2', 'dossiers'],
  statutInconnu: 404,
  ...overrides,
});
const check = (t: Target) => preflight(t, { timeoutMs: 5_000 });

describe('preflight', () => {
  it('lets a right target, key and admin token through', async () => {
    await expect(check(target({ adminToken: 'admin', cfaKey2: 'good' }))).resolves.toBeUndefined();
  });

  it('names --target when it carries the version, or has no status there', async () => {
    await expect(check(target({ url: `${base}/v2` }))).rejects.toThrow(/--target is the base URL before \/v2.*drop '\/v2'/);
    await expect(check(target({ url: `${base}/ailleurs` }))).rejects.toThrow(/--target has no \/v2\/status \(404/);
  });

  it('names the key that was refused', async () => {
    await expect(check(target({ cfaKey: 'mauvaise' }))).rejects.toThrow(/^the CFA key was refused \(401\) on GET \/v2\/dossiers\/etats: check --cfa-key \(/);
    await expect(check(target({ cfaKey2: 'mauvaise' }))).rejects.toThrow(/check --cfa-key-2 /);
  });

  it('names --admin-token when the admin API refuses it', async () => {
    await expect(check(target({ adminToken: 'faux' }))).rejects.toThrow(/the admin token was refused \(401\).*check --admin-token/);
  });

  it('names the target when nothing answers, as a PreflightError (exit 2 in the CLI)', async () => {
    // A port nobody listens on: opened then closed.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await check(target({ url: `http://127.0.0.1:${port}` })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as Error).message).toBe(`cannot reach the target at http://127.0.0.1:${port}/v2/status: ECONNREFUSED (check --target)`);
  });
});
