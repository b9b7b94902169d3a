// `convergence mock` from the command line: bad inputs exit 2 naming the file, a started mock answers and stops.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { requestLog, startMock } from './mock.js';
import { HEADERS } from '../../mocks/testdata/fixtures.js';
import { captureIO } from '../testing.js';

const dir = mkdtempSync(join(tmpdir(), 'mock-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('convergence mock', () => {
  it('exits 2 and names the file and the place of a bad config', async () => {
    writeFileSync(join(dir, 'bad.yaml'), 'admin:\n  token: short\ncfas:\n  - siret: "123"\n');
    const io = captureIO(dir);
    const code = await main(['node', 'convergence', 'mock', '--config', 'bad.yaml', '--store', 'memory'], io);
    expect(code).toBe(2);
    expect(io.err()).toContain('bad.yaml');
    expect(io.err()).toContain('/cfas/0');
    expect(io.err()).toContain('/admin/token');
  });

  it('exits 2 on a config that is not YAML, with its line', async () => {
    writeFileSync(join(dir, 'broken.yaml'), 'admin: {\n');
    const io = captureIO(dir);
    expect(await main(['node', 'convergence', 'mock', '--config', 'broken.yaml'], io)).toBe(2);
    expect(io.err()).toMatch(/broken\.yaml: line \d+/);
  });

  it('exits 2 on a missing spec file, naming it', async () => {
    const io = captureIO(dir);
    expect(await main(['node', 'convergence', 'mock', '--spec', 'nope.yaml', '--store', 'memory'], io)).toBe(2);
    expect(io.err()).toContain('nope.yaml');
  });

  it('exits 2 on a spec that does not parse, with its line', async () => {
    writeFileSync(join(dir, 'bad-spec.yaml'), 'openapi: 3.0.3\npaths: [\n');
    const io = captureIO(dir);
    expect(await main(['node', 'convergence', 'mock', '--spec', 'bad-spec.yaml', '--store', 'memory'], io)).toBe(2);
    expect(io.err()).toMatch(/bad-spec\.yaml: line \d+/);
  });

  it('starts on a free port, prints the URL and the demo key once, logs requests with the key redacted', async () => {
    const io = captureIO(dir);
    const running = await startMock({ port: '0', host: '127.0.0.1', store: join(dir, 'cli.sqlite') }, io);
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(io.out()).toContain(running.url);
      expect(io.out()).toContain('demo-cfa-key');
      expect(io.out()).toContain('demo-admin-token');
      const before = io.out();
      const res = await fetch(`${running.url}/v2/dossiers/etats`, { headers: HEADERS });
      expect(res.status).toBe(200);
      await new Promise((r) => setTimeout(r, 20));
      const log = io.out().slice(before.length);
      expect(log).toContain('GET /v2/dossiers/etats 200');
      expect(log).not.toContain('demo-cfa-key');
    } finally {
      await running.stop();
    }
  });

  it('writes the request log once per turn of the event loop, in order, and everything pending when stopped', async () => {
    const writes: string[] = [];
    const log = requestLog({ write: (text: string) => writes.push(text) > 0 });
    const entry = (path: string) => ({ method: 'GET', path, status: 200, ms: 1, opco: 'norme', cfa: '85300000800005', key: 'demo…' });
    log.line(entry('/v2/a'));
    log.line(entry('/v2/b'));
    expect(writes).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(writes).toHaveLength(1);
    expect(writes[0]!.split('\n').filter(Boolean).map((l) => l.split(' ')[2])).toEqual(['/v2/a', '/v2/b']);
    log.line(entry('/v2/c'));
    log.flush();
    expect(writes).toHaveLength(2);
    expect(writes[1]).toContain('GET /v2/c 200 1ms norme 85300000800005 key=demo…');
    await new Promise((r) => setImmediate(r));
    expect(writes).toHaveLength(2);
  });

  it('refuses a port already in use', async () => {
    const first = await startMock({ port: '0', host: '127.0.0.1', store: 'memory' }, captureIO(dir));
    try {
      const port = new URL(first.url).port;
      await expect(startMock({ port, host: '127.0.0.1', store: 'memory' }, captureIO(dir))).rejects.toThrow(/already in use/);
    } finally {
      await first.stop();
    }
  });
});
