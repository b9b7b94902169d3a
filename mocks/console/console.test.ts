// The console's API without a browser: credentials only in a header, one-time stream tickets, masked exchanges, admin-checked input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockApp, type MockApp } from '../app.js';
import { frozenClock } from '../clock.js';
import { DEMO } from '../tenants.js';
import { depotCerfa, HEADERS, validCerfa } from '../testdata/fixtures.js';

describe('web console API', () => {
  let mock: MockApp;
  let url: string;
  const admin = { authorization: `Bearer ${DEMO.adminToken}` };

  beforeAll(async () => {
    mock = await createMockApp({ store: 'memory', clock: frozenClock('2026-01-16T09:00:00Z') });
    url = await mock.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => mock.close());

  it('asks for the admin token or a CFA key in Authorization, and takes none from the URL', async () => {
    const none = await fetch(`${url}/_console/api/dossiers`);
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toContain('application/problem+json');
    expect(((await none.json()) as { errors: { champ: string }[] }).errors[0]?.champ).toBe('Authorization');
    expect((await fetch(`${url}/_console/api/dossiers?token=${DEMO.adminToken}`)).status).toBe(401);
    expect((await fetch(`${url}/_console/api/moi`, { headers: { authorization: 'Bearer not-a-key' } })).status).toBe(401);
    expect(await (await fetch(`${url}/_console/api/moi`, { headers: { authorization: `Bearer ${DEMO.apiKey}` } })).json()).toMatchObject({ admin: false, cfa: DEMO.siret });
  });

  it('serves the page with a strict CSP and the UI library from node_modules', async () => {
    const page = await fetch(`${url}/_console`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('/_console/assets/console.js');
    const hooks = await (await fetch(`${url}/_console/vendor/hooks.mjs`)).text();
    expect(hooks).toContain('from"./preact.mjs"');
    expect((await fetch(`${url}/_console/assets/%2e%2e%2fserver.ts`)).status).toBe(404);
    expect((await fetch(`${url}/_console/assets/server.ts`)).status).toBe(404);
  });

  it('checks a clock move as the admin API does, naming the field', async () => {
    const response = await fetch(`${url}/_console/api/horloge`, { method: 'PUT', headers: { ...admin, 'content-type': 'application/json' }, body: '{"advance":"PX"}' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { champ: string }[] }).errors[0]?.champ).toBe('advance');
  });

  it('opens a stream once per ticket, and logs the exchanges it sees with personal data masked', async () => {
    const { ticket } = (await (await fetch(`${url}/_console/api/ticket`, { method: 'POST', headers: admin })).json()) as { ticket: string };
    const controller = new AbortController();
    const stream = await fetch(`${url}/_console/api/flux?ticket=${ticket}`, { signal: controller.signal });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    expect((await fetch(`${url}/_console/api/flux?ticket=${ticket}`)).status).toBe(401);
    const reader = stream.body!.getReader();
    const received: string[] = [];
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        received.push(new TextDecoder().decode(value));
        if (received.join('').includes('event: requete')) return;
      }
    })();

    const deposit = await fetch(`${url}/v2/dossiers`, { method: 'POST', headers: { ...HEADERS, 'content-type': 'application/json' }, body: JSON.stringify(depotCerfa('DOS-0042')) });
    expect(deposit.status).toBe(201);
    await reading;
    controller.abort();
    const { requetes } = (await (await fetch(`${url}/_console/api/requetes`, { headers: admin })).json()) as { requetes: { id: number; path: string; status: number; cfa: string }[] };
    const entry = requetes.find((r) => r.path === '/v2/dossiers');
    expect(entry).toMatchObject({ status: 201, cfa: DEMO.siret });
    const exchange = JSON.stringify(await (await fetch(`${url}/_console/api/requetes/${entry!.id}`, { headers: admin })).json());
    const cerfa = validCerfa('DOS-0042');
    expect(exchange).toContain('DOS-0042');
    for (const personal of [cerfa.apprenti.nir, cerfa.apprenti.nom, cerfa.apprenti.dateNaissance, DEMO.apiKey]) expect(exchange).not.toContain(personal);
  });
});
