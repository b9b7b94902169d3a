// Every answer of the mock, on a full walk through the norm's operations, matches the response schema of the bundled spec.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { startTestMock, type TestMock } from '../../mocks/testdata/harness.js';
import { responseErrors } from '../../mocks/testdata/response-check.js';
import { factureFor, HEADERS, depotCerfa, validCerfa } from '../../mocks/testdata/fixtures.js';
import { DEMO } from '../../mocks/tenants.js';

let mock: TestMock;
beforeAll(async () => {
  mock = await startTestMock();
});
afterAll(async () => {
  await mock.close();
});

async function conforms(method: string, specPath: string, res: LightMyRequestResponse, status: number): Promise<void> {
  expect(res.statusCode, res.body).toBe(status);
  const errors = await responseErrors(method, specPath, res.statusCode, res.json());
  expect(errors, `${method} ${specPath} → ${res.statusCode}: ${res.body.slice(0, 400)}`).toEqual([]);
}

describe('answers match the spec', () => {
  it('walks dossiers, invoices, pièces, status and errors', async () => {
    await conforms('POST', '/v2/dossiers', await mock.call('POST', '/v2/dossiers', depotCerfa('C-1')), 201);
    await conforms('GET', '/v2/dossiers', await mock.call('GET', '/v2/dossiers?numeroInterne=C-1'), 200);
    await conforms('GET', '/v1/dossiers', await mock.call('GET', '/v1/dossiers?numeroInterne=C-1'), 200);
    await mock.advance('P5D');
    const engaged = await mock.call('GET', '/v2/dossiers?numeroInterne=C-1');
    await conforms('GET', '/v2/dossiers', engaged, 200);
    await conforms('GET', '/v2/dossiers/etats', await mock.call('GET', '/v2/dossiers/etats?numeroPage=1'), 200);
    await conforms('GET', '/v1/dossiers/etats', await mock.call('GET', '/v1/dossiers/etats?numeroPage=1'), 200);
    await conforms('GET', '/v2/dossiers/liste', await mock.call('GET', '/v2/dossiers/liste?numerosInternes=C-1'), 200);
    await conforms(
      'GET',
      '/v2/dossiers/appairage',
      await mock.call('GET', '/v2/dossiers/appairage?nom=MARTIN&prenom=Lucas&dateNaissance=2004-09-01&siretEmployeur=42100000100006&dateDebutContrat=2026-01-15'),
      200,
    );
    const facture = factureFor(engaged.json(), 'FAC-C-1');
    await conforms('POST', '/v2/factures', await mock.call('POST', '/v2/factures', facture), 201);
    await conforms('POST', '/v2/factures', await mock.call('POST', '/v2/factures', facture), 400);
    await mock.advance('P30D');
    await conforms('GET', '/v2/factures/etats', await mock.call('GET', '/v2/factures/etats?numeroPage=1'), 200);
    const document = { typeFichier: 'cerfa', nomFichier: 'cerfa.pdf', contenu: Buffer.from('%PDF').toString('base64'), objets: [{ typeObjet: 'dossier', idObjet: 'C-1' }] };
    await conforms('POST', '/v2/documents', await mock.call('POST', '/v2/documents', document), 201);
    await conforms('POST', '/v2/dossiers/rupture/employeur', await mock.call('POST', '/v2/dossiers/rupture/employeur', { numeroInterne: 'C-1', dateRupture: '2026-12-31' }), 200);
    await conforms('GET', '/v2/dossiers', await mock.call('GET', '/v2/dossiers?numeroInterne=C-1'), 200);
    await conforms('GET', '/v2/cfakeyinfo', await mock.call('GET', '/v2/cfakeyinfo'), 200);
    await conforms('GET', '/v2/status', await mock.call('GET', '/v2/status'), 200);
  });

  it('errors are problem bodies of the spec', async () => {
    const { 'x-api-key': _k, ...noKey } = HEADERS;
    await conforms('GET', '/v2/dossiers/etats', await mock.call('GET', '/v2/dossiers/etats', undefined, noKey), 401);
    await conforms('GET', '/v2/dossiers/etats', await mock.call('GET', '/v2/dossiers/etats', undefined, { ...HEADERS, 'x-api-key': 'unknown-key-1' }), 403);
    await conforms('GET', '/v2/dossiers', await mock.call('GET', '/v2/dossiers?numeroInterne=NOPE'), 404);
    await mock.call('POST', '/v2/dossiers', depotCerfa('C-2', { nom: 'AUTRE' }));
    await conforms('POST', '/v2/dossiers', await mock.call('POST', '/v2/dossiers', depotCerfa('C-2', { nom: 'AUTRE' })), 409);
    await conforms('POST', '/v2/dossiers', await mock.call('POST', '/v2/dossiers', { numeroInterne: 'X' }), 400);
    await conforms('GET', '/v2/dossiers/etats', await mock.call('GET', '/v2/dossiers/etats', undefined, { ...HEADERS, prefer: 'code=503' }), 503);
    await conforms('GET', '/v2/dossiers/etats', await mock.call('GET', '/v2/dossiers/etats', undefined, { ...HEADERS, prefer: 'code=429' }), 429);
    const notAtAfdas = await mock.call('GET', '/afdas/v2/dossiers/etats');
    await conforms('GET', '/v2/dossiers/etats', notAtAfdas, 501);
  });

  it('the OAuth2 token answer matches the spec', async () => {
    const res = await mock.app.inject({
      method: 'POST',
      url: '/akto/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `grant_type=client_credentials&client_id=${DEMO.client.clientId}&client_secret=${DEMO.client.clientSecret}`,
    });
    await conforms('POST', '/oauth/token', res, 200);
    const refused = await mock.app.inject({
      method: 'POST',
      url: '/akto/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'grant_type=client_credentials&client_id=demo-client&client_secret=nope',
    });
    await conforms('POST', '/oauth/token', refused, 401);
    expect(refused.json().error).toBe('invalid_client');
  });
});
