// `convergence mock --host 0.0.0.0`: no demo credential works, fresh ones are printed once and kept, admin calls say who made them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMock } from './mock.js';
import { captureIO } from '../testing.js';
import { HEADERS } from '../../mocks/testdata/fixtures.js';
import { DEMO } from '../../mocks/tenants.js';
import { tokenFingerprint } from '../../mocks/host-safety.js';

const dir = mkdtempSync(join(tmpdir(), 'mock-host-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const printed = (out: string, label: RegExp): string => label.exec(out)?.[1] ?? '';

describe('convergence mock off loopback', () => {
  it('generates and prints credentials once, refuses the demo ones, prints where it listens and logs admin calls with who', async () => {
    const store = join(dir, 'exposed.sqlite');
    const io = captureIO(dir);
    const running = await startMock({ port: '0', host: '0.0.0.0', store }, io);
    let token = '';
    try {
      const port = new URL(running.url).port;
      expect(io.out()).toContain(`listening on http://0.0.0.0:${port} (every interface: http://127.0.0.1:${port}`);
      const key = printed(io.out(), /X-API-KEY: (\S+)/);
      token = printed(io.out(), /Authorization: Bearer (\S+)/);
      expect(key).toMatch(/^cfa-/);
      expect(token).toBe(running.adminToken);
      expect(io.out()).not.toContain(DEMO.apiKey);
      expect(io.out()).not.toContain(DEMO.adminToken);

      const read = (apiKey: string) => fetch(`${running.url}/v2/dossiers/etats`, { headers: { ...HEADERS, 'x-api-key': apiKey } });
      expect((await read(DEMO.apiKey)).status).toBe(403);
      expect((await read(key)).status).toBe(200);
      const admin = (bearer: string) => fetch(`${running.url}/_admin/state`, { headers: { authorization: `Bearer ${bearer}` } });
      expect((await admin(DEMO.adminToken)).status).toBe(401);
      expect((await admin(token)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 20));
      expect(io.out()).toMatch(/ADMIN GET \/_admin\/state 401 \d+ms by a wrong admin token from \S*127\.0\.0\.1/);
      expect(io.out()).toContain(`ADMIN GET /_admin/state 200`);
      expect(io.out()).toContain(`by admin token ${tokenFingerprint(token)} from`);
      expect(io.out().split(token).length - 1).toBe(1);
    } finally {
      await running.stop();
    }

    const again = captureIO(dir);
    const second = await startMock({ port: '0', host: '0.0.0.0', store }, again);
    await second.stop();
    expect(second.adminToken).toBe(token);
    expect(again.out()).toContain('the credentials generated at first start, kept in');
    expect(again.out()).not.toContain(token);
  });

  it('exits 2 when the config off loopback keeps the demo admin token or key', async () => {
    writeFileSync(
      join(dir, 'demo.yaml'),
      `admin: { token: ${DEMO.adminToken} }\ncfas:\n  - { siret: "${DEMO.siret}", denomination: D, keys: { "*": ${DEMO.apiKey} }, iban: ${DEMO.iban} }\n`,
    );
    await expect(startMock({ port: '0', host: '0.0.0.0', store: 'memory', config: 'demo.yaml' }, captureIO(dir))).rejects.toThrow(
      /--host 0\.0\.0\.0: demo\.yaml uses the documented demo admin token, CFA API key/,
    );
  });
});
