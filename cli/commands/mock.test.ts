// `convergence mock` from the command line: bad inputs exit 2 naming the file, a started mock answers and stops.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { startMock } from './mock.js';
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
