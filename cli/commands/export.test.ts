// `convergence export postman`: the collection covers the spec, and newman runs it green against the mock (norme, AKTO's OAuth2).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../main.js';
import { captureIO } from '../testing.js';
import { bundledSpecPath } from '../../spec/load.js';
import { createMockApp, type MockApp } from '../../mocks/app.js';

interface NewmanSummary {
  run: {
    stats: { requests: { total: number; failed: number }; assertions: { total: number; failed: number } };
    failures: { error: { message: string }; source?: { name?: string } }[];
    executions: { item: { name: string }; request: { url: { toString(): string } }; response?: { code: number } }[];
  };
}
type NewmanRun = (options: Record<string, unknown>, callback: (error: Error | null, summary: NewmanSummary) => void) => void;
const newman = createRequire(import.meta.url)('newman') as { run: NewmanRun };

const runNewman = (collection: string, environment: string): Promise<NewmanSummary> =>
  new Promise((resolve, reject) =>
    newman.run({ collection, environment, reporters: [], timeoutRequest: 15_000 }, (error, summary) => (error ? reject(error) : resolve(summary))),
  );

const requests = (node: any): any[] => (node.item ? node.item.flatMap(requests) : node.request ? [node] : []);
const failures = (summary: NewmanSummary): string[] =>
  summary.run.failures.map((f) => {
    const e = summary.run.executions.find((x) => x.item.name === f.source?.name && x.response && x.response.code >= 300) as any;
    return `${f.source?.name ?? '?'}: ${f.error.message}${e ? ` — ${String(e.response.stream ?? '').slice(0, 400)}` : ''}`;
  });

let mock: MockApp;
let url: string;
let dir: string;

beforeAll(async () => {
  mock = await createMockApp({ store: 'memory' });
  await mock.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(mock.app.server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'convergence-postman-'));
});

afterAll(async () => {
  await mock?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function exportFor(opco: string): Promise<{ collection: string; environment: string; json: any }> {
  const io = captureIO(dir);
  const code = await main(['node', 'convergence', 'export', 'postman', '--opco', opco, '--out', 'out', '--mock-url', url], io);
  expect(io.err()).toBe('');
  expect(code).toBe(0);
  const suffix = opco === 'norme' ? '' : `-${opco}`;
  const collection = join(dir, 'out', `convergence${suffix}.postman_collection.json`);
  const environment = join(dir, 'out', `convergence-mock${suffix}.postman_environment.json`);
  expect(io.out()).toContain(`convergence${suffix}.postman_collection.json`);
  return { collection, environment, json: JSON.parse(readFileSync(collection, 'utf8')) };
}

describe('convergence export postman', () => {
  it('norme: every operation of the spec, the editor headers and key as variables; newman runs it with zero failures', async () => {
    const { collection, environment, json } = await exportFor('norme');
    expect(json.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    const variables = Object.fromEntries(json.variable.map((v: any) => [v.key, v.value]));
    expect(Object.keys(variables)).toEqual(expect.arrayContaining(['baseUrl', 'cfaKey', 'editeur', 'logiciel', 'versionLogiciel']));

    const spec = parse(readFileSync(bundledSpecPath(), 'utf8'));
    const inSpec = Object.entries<any>(spec.paths).flatMap(([path, item]) =>
      ['get', 'post', 'put', 'delete', 'patch'].filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const all = requests(json);
    const exported = new Set(all.filter((r) => !r.name.startsWith('Mock:')).map((r) => `${r.request.method} /${r.request.url.path.join('/')}`));
    expect([...exported].sort()).toEqual([...new Set(inSpec)].sort());

    for (const r of all.filter((r) => /^\/?v\d/.test(r.request.url.path.join('/')))) {
      const headers = Object.fromEntries(r.request.header.map((h: any) => [h.key, h.value]));
      expect(headers).toMatchObject({ 'X-API-KEY': '{{cfaKey}}', EDITEUR: '{{editeur}}', LOGICIEL: '{{logiciel}}', VERSION: '{{versionLogiciel}}' });
      expect(r.request.url.host).toEqual(['{{baseUrl}}']);
      expect(r.event.find((e: any) => e.listen === 'test').script.exec.join('\n')).toMatch(/pm\.response\.to\.have\.status\(\d{3}\)/);
    }

    const env = JSON.parse(readFileSync(environment, 'utf8'));
    expect(Object.fromEntries(env.values.map((v: any) => [v.key, v.value]))).toMatchObject({ baseUrl: url, cfaKey: 'demo-cfa-key' });

    const summary = await runNewman(collection, environment);
    expect(failures(summary)).toEqual([]);
    expect(summary.run.stats.requests.total).toBe(all.length);
    expect(summary.run.stats.assertions.total).toBe(all.length);
    expect(summary.run.stats.assertions.failed).toBe(0);
  }, 120_000);

  it('akto: the OAuth2 token step feeds the bearer of every call; newman runs it with zero failures', async () => {
    const { collection, environment, json } = await exportFor('akto');
    const all = requests(json);
    const calls = all.filter((r) => /^v\d/.test(r.request.url.path.join('/')));
    expect(calls.length).toBeGreaterThan(10);
    for (const r of calls) expect(r.request.auth).toMatchObject({ type: 'bearer', bearer: [{ key: 'token', value: '{{accessToken}}' }] });
    // v2 and v1, each before its deposit and again once the mock's clock has moved past the token's hour.
    expect(all.filter((r) => r.request.url.path.join('/') === 'oauth/token')).toHaveLength(4);
    // AKTO offers no certificats: the collection leaves them out rather than expect a 501.
    expect(all.some((r) => r.request.url.path.join('/').endsWith('certificats'))).toBe(false);

    const summary = await runNewman(collection, environment);
    expect(failures(summary)).toEqual([]);
    expect(summary.run.stats.assertions.failed).toBe(0);
    expect(summary.run.executions.filter((e) => e.request.url.toString().endsWith('/akto/v2/dossiers')).map((e) => e.response?.code)).toEqual([201]);
  }, 120_000);

  it('without an adminToken (a real OPCO) the "Mock:" steps are skipped, not sent', async () => {
    const { collection, environment } = await exportFor('norme');
    const before = await mock.app.inject({ method: 'GET', url: '/_admin/clock', headers: { authorization: 'Bearer demo-admin-token' } });
    const summary = await new Promise<NewmanSummary>((resolve, reject) =>
      newman.run({ collection, environment, folder: 'CfaDock', envVar: [{ key: 'adminToken', value: '' }], reporters: [] }, (e, s) => (e ? reject(e) : resolve(s))),
    );
    expect(failures(summary)).toEqual([]);
    const v1 = await new Promise<NewmanSummary>((resolve, reject) =>
      newman.run({ collection, environment, folder: 'Protocol v1', envVar: [{ key: 'adminToken', value: '' }], reporters: [] }, (e, s) => (e ? reject(e) : resolve(s))),
    );
    const folder = requests(JSON.parse(readFileSync(collection, 'utf8')).item.find((f: any) => f.name === 'Protocol v1'));
    expect(folder.filter((r) => r.name.startsWith('Mock:')).length).toBe(3);
    expect(v1.run.executions.map((e) => e.item.name)).toEqual(folder.filter((r) => !r.name.startsWith('Mock:')).map((r) => r.name));
    const after = await mock.app.inject({ method: 'GET', url: '/_admin/clock', headers: { authorization: 'Bearer demo-admin-token' } });
    expect(after.json().state).toEqual(before.json().state);
  }, 120_000);

  it('is reproducible: two exports of the same inputs are byte-identical', async () => {
    const first = readFileSync((await exportFor('akto')).collection, 'utf8');
    const second = readFileSync((await exportFor('akto')).collection, 'utf8');
    expect(second).toBe(first);
  });

  it('an unknown profile or an unwritable folder is an input error (exit 2)', async () => {
    const io = captureIO(dir);
    expect(await main(['node', 'convergence', 'export', 'postman', '--opco', 'nope'], io)).toBe(2);
    expect(io.err()).toContain('unknown OPCO profile "nope"');
    writeFileSync(join(dir, 'a-file'), '');
    const blocked = captureIO(dir);
    expect(await main(['node', 'convergence', 'export', 'postman', '--out', 'a-file/postman'], blocked)).toBe(2);
    expect(blocked.err()).toContain('cannot write to');
  });
});
