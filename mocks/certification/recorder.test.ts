// Certification mode records each CFA key's exchanges, plays the script, and leaves the normal mock untouched.
import { afterEach, describe, expect, it } from 'vitest';
import type { EchangeCfa } from '../../conformance/model/session.js';
import { startTestMock, START, type TestMock } from '../testdata/harness.js';
import { conventionFor, factureFor, HEADERS, depotCerfa, validCerfa } from '../testdata/fixtures.js';
import { DEMO } from '../tenants.js';
import { loadCertificationScript, type CertificationScript } from './script.js';
import { MAX_RECORDED_DEPTH, sessionIdOf, type CertificationOptions } from './recorder.js';
import { loadSession } from './session.js';

const script = loadCertificationScript();
const certification = (overrides: Partial<CertificationScript> = {}): CertificationOptions => ({
  script: { ...script, ...overrides },
  capabilities: ['contrats', 'factures'],
  version: 'v2',
});
const SESSION = sessionIdOf('norme', DEMO.apiKey);

let mock: TestMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function echanges(m: TestMock): Promise<EchangeCfa[]> {
  return (await m.store.getSession(SESSION))?.echanges ?? [];
}

describe('recording', () => {
  it('records a short flow in order, with what the OPCO knew, and plays the default script', async () => {
    mock = await startTestMock({ certification: certification() });
    const cerfa = validCerfa('DOS-CERT-1');

    expect((await mock.call('GET', '/v2/cfakeyinfo')).statusCode).toBe(200);

    const refused = await mock.call('POST', '/v2/dossiers', { cerfa }, { ...HEADERS, 'idempotency-key': 'k-1' });
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({ type: 'urn:convergence:probleme:SERVICE_INDISPONIBLE', status: 503 });
    // A played 503 on a deposit stores nothing.
    expect((await mock.call('GET', '/v2/dossiers?numeroInterne=DOS-CERT-1')).statusCode).toBe(429);
    // The second read is the script's server error on reads (erreur-serveur-lecture).
    expect((await mock.call('GET', '/v2/dossiers?numeroInterne=DOS-CERT-1')).statusCode).toBe(503);

    expect((await mock.call('POST', '/v2/dossiers', { cerfa })).statusCode).toBe(201);
    // The script's delays replace the config's: ENGAGE a minute after the deposit on the mock's clock.
    await mock.advance('PT2M');
    const dossier = await mock.dossier('DOS-CERT-1');
    expect(dossier.cerfa.etat).toBe('ENGAGE');

    const facture = factureFor(dossier, 'FAC-CERT-1');
    const rejected = await mock.call('POST', '/v2/factures', facture);
    expect(rejected.statusCode).toBe(400);
    expect(rejected.json()).toMatchObject({
      type: 'urn:convergence:probleme:FACTURE_REJETEE',
      errors: [{ code: 'REFERENCE_FACTURE_REFUSEE', champ: 'referenceFactureCFA' }],
    });
    const corrected = await mock.call('POST', '/v2/factures', { ...facture, referenceFactureCFA: 'REF-CORRIGEE' });
    expect(corrected.statusCode, corrected.body).toBe(201);

    const session = await loadSession(mock.store, SESSION, certification());
    expect(session).toMatchObject({ id: SESSION, opco: 'norme', cfa: DEMO.siret, version: 'v2', parametres: script.parametres });
    const list = session!.echanges;
    expect(list.map((e) => [e.seq, e.operation, e.response.status, e.scripted])).toEqual([
      [1, 'GET /cfakeyinfo', 200, undefined],
      [2, 'POST /dossiers', 503, 'erreur-serveur-depot'],
      [3, 'GET /dossiers', 429, 'limite-debit-lecture'],
      [4, 'GET /dossiers', 503, 'erreur-serveur-lecture'],
      [5, 'POST /dossiers', 201, undefined],
      [6, 'GET /dossiers', 200, undefined],
      [7, 'POST /factures', 400, 'rejet-premiere-facture'],
      [8, 'POST /factures', 201, undefined],
    ]);
    const [first, played, limited, , deposit, read, playedInvoice, invoice] = list as EchangeCfa[] & { length: 8 };
    expect(first).toMatchObject({ method: 'GET', path: '/v2/cfakeyinfo', version: 'v2', query: {}, mockTime: new Date(START).toISOString() });
    expect(first!.headers).toEqual({ editeur: HEADERS.editeur, logiciel: HEADERS.logiciel, version: HEADERS.version });
    expect(played!.headers).toMatchObject({ 'content-type': 'application/json', 'idempotency-key': 'k-1' });
    expect(JSON.stringify(list)).not.toContain(DEMO.apiKey);
    expect(played!.body).toMatchObject({ cerfa: { numeroInterne: 'DOS-CERT-1' } });
    expect(played!.payload).toEqual({ kind: 'cerfa', context: { today: '2026-01-16', rncpInactifs: expect.any(Array), rncpNonEligibles: expect.any(Array), sirene: expect.any(Object), siretCfa: DEMO.siret } });
    expect(limited).toMatchObject({ query: { numeroInterne: 'DOS-CERT-1' }, response: { headers: { 'retry-after': '2' } } });
    expect(limited!.response.headers['content-type']).toMatch(/problem\+json/);
    expect(deposit!.payload?.kind).toBe('cerfa');
    expect(read!.response.body).toMatchObject({ cerfa: { etat: 'ENGAGE' } });
    expect(read!.mockTime).toBe(new Date(Date.parse(START) + 120_000).toISOString());
    // The invoice's context is the engine's, restricted to the dossiers its lines name, as it stood at receipt.
    expect(playedInvoice!.payload?.kind).toBe('facture');
    expect(playedInvoice!.payload?.context.dossiers?.map((d) => [d.cerfa.numeroInterne, d.cerfa.etat])).toEqual([['DOS-CERT-1', 'ENGAGE']]);
    expect(playedInvoice!.payload?.context.facturesConnues).toEqual([]);
    expect(invoice!.payload?.context).toMatchObject({ today: '2026-01-16', siretsConnus: [DEMO.siret] });
    expect(invoice!.response.body).toMatchObject({ numeroInterneFacture: 'FAC-CERT-1' });
    for (let i = 1; i < list.length; i++) expect(list[i]!.receivedAtMs).toBeGreaterThanOrEqual(list[i - 1]!.receivedAtMs);
  });

  it('records the spec errors of an invalid request and judges a convention with its dossier only', async () => {
    mock = await startTestMock({ certification: certification({ plays: [] }) });
    const cerfa = validCerfa('DOS-CERT-2');
    const invalid = await mock.call('POST', '/v2/dossiers', { numeroInterne: 42 });
    expect(invalid.statusCode).toBe(400);
    expect((await mock.call('POST', '/v2/dossiers', depotCerfa('DOS-AUTRE'))).statusCode).toBe(201);
    expect((await mock.call('POST', '/v2/dossiers', { cerfa })).statusCode).toBe(201);
    expect((await mock.call('POST', '/v2/conventions', conventionFor(cerfa))).statusCode).toBe(201);
    const malformed = await mock.app.inject({ method: 'POST', url: '/v2/factures', headers: { ...HEADERS, 'content-type': 'application/json' }, payload: '{"a":' });
    expect(malformed.statusCode).toBe(400);

    const list = await echanges(mock);
    expect(list.map((e) => e.response.status)).toEqual([400, 201, 201, 201, 400]);
    expect(list[0]!.schemaErrors?.length).toBeGreaterThan(0);
    expect(list[0]!.payload).toBeUndefined();
    expect(list[1]!.schemaErrors).toBeUndefined();
    expect(list[3]!.payload?.kind).toBe('convention');
    expect(list[3]!.payload?.context.dossiers?.map((d) => d.cerfa.numeroInterne)).toEqual(['DOS-CERT-2']);
    expect(list[4]).toMatchObject({ operation: 'POST /factures', schemaErrors: [expect.stringContaining('JSON')] });
    // Not JSON: not kept, only its length.
    expect(list[4]!.body).toBe('(corps non JSON masqué : 5 octets)');
  });

  it('attributes a request whose key is known even when the mock rejects it, and ignores unknown keys', async () => {
    mock = await startTestMock({ certification: certification() });
    const { editeur: _editeur, ...sansEditeur } = HEADERS;
    const missing = await mock.call('GET', '/v2/cfakeyinfo', undefined, sansEditeur);
    expect(missing.statusCode).toBe(400);
    expect((await mock.call('GET', '/v2/cfakeyinfo', undefined, { ...HEADERS, 'x-api-key': 'inconnue' })).statusCode).toBe(403);
    const { 'x-api-key': _key, ...sansCle } = HEADERS;
    expect((await mock.call('GET', '/v2/cfakeyinfo', undefined, sansCle)).statusCode).toBe(401);
    // A rejected request does not count towards the plays: the first authenticated deposit is the one played.
    expect((await mock.call('POST', '/v2/dossiers', depotCerfa('DOS-CERT-3'), sansEditeur)).statusCode).toBe(400);
    expect((await mock.call('POST', '/v2/dossiers', depotCerfa('DOS-CERT-3'))).statusCode).toBe(503);
    expect((await mock.call('POST', '/v2/dossiers', depotCerfa('DOS-CERT-3'))).statusCode).toBe(201);

    const sessions = (await mock.admin('GET', '/_admin/certification/sessions')).json().sessions;
    expect(sessions).toEqual([{ id: SESSION, opco: 'norme', cfa: DEMO.siret, requests: 4, firstAt: expect.any(String), lastAt: expect.any(String) }]);
    const list = await echanges(mock);
    expect(list[0]).toMatchObject({ seq: 1, operation: 'GET /cfakeyinfo', headers: { logiciel: HEADERS.logiciel }, response: { status: 400 } });
    expect(list[0]!.headers.editeur).toBeUndefined();
    expect(list[0]!.response.body).toMatchObject({ type: 'urn:convergence:probleme:ENTETE_EDITEUR_ABSENTE' });
    expect(list.map((e) => e.scripted)).toEqual([undefined, undefined, 'erreur-serveur-depot', undefined]);
  });

  it('gives each key on each OPCO its own session', async () => {
    mock = await startTestMock({ certification: certification({ plays: [] }) });
    expect((await mock.call('GET', '/v2/cfakeyinfo')).statusCode).toBe(200);
    expect((await mock.call('GET', '/atlas/v2/cfakeyinfo')).statusCode).toBe(200);
    const ids = (await mock.admin('GET', '/_admin/certification/sessions')).json().sessions.map((s: { id: string }) => s.id);
    expect(ids).toEqual([SESSION, sessionIdOf('atlas', DEMO.apiKey)]);
    expect(SESSION).toMatch(/^norme-[0-9a-f]{8}$/);
    const atlas = (await mock.admin('GET', `/_admin/certification/sessions/${sessionIdOf('atlas', DEMO.apiKey)}`)).json();
    expect(atlas.echanges[0]).toMatchObject({ path: '/atlas/v2/cfakeyinfo', version: 'v2', operation: 'GET /cfakeyinfo' });
  });

  it('plays a 429 with Retry-After, then answers normally', async () => {
    mock = await startTestMock({
      certification: certification({ plays: [{ id: 'limite', operation: 'GET /dossiers/etats', occurrence: 2, answer: { status: 429, code: 'TROP_DE_REQUETES', retryAfter: 7 } }] }),
    });
    expect((await mock.call('GET', '/v2/dossiers/etats')).statusCode).toBe(200);
    const limited = await mock.call('GET', '/v2/dossiers/etats');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('7');
    expect(limited.json()).toMatchObject({ status: 429, errors: [{ code: 'TROP_DE_REQUETES' }] });
    expect((await mock.call('GET', '/v2/dossiers/etats')).statusCode).toBe(200);
  });
});

describe('hostile bodies', () => {
  it('records a body nested deeper than any payload as a note, so the exchange is stored and the report renders', async () => {
    const errors: unknown[] = [];
    mock = await startTestMock({ certification: certification(), onError: (e) => errors.push(e) });
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const res = await mock.app.inject({ method: 'POST', url: '/v2/factures', headers: { ...HEADERS, 'content-type': 'application/json' }, payload: deep });
    expect(res.statusCode).toBe(400);
    expect(errors).toEqual([]);
    const [e] = await echanges(mock);
    expect(e?.body).toBe(`(corps JSON trop imbriqué masqué : ${MAX_RECORDED_DEPTH} niveaux)`);
    expect(e?.schemaErrors?.length).toBeGreaterThan(0);
    // A payload of the norm's depth is kept as sent.
    expect((await mock.call('POST', '/v2/conventions', conventionFor(validCerfa('DOS-DEEP')))).statusCode).toBeLessThan(500);
    expect(typeof (await echanges(mock))[1]?.body).toBe('object');
    const report = await mock.admin('GET', `/_admin/certification/sessions/${SESSION}/report?format=html`);
    expect(report.statusCode).toBe(200);
  });
});

describe('bodies under another Content-Type', () => {
  const NIR = validCerfa().apprenti.nir;
  const texte = JSON.stringify(depotCerfa('DOS-TYPE-1'));
  const send = (m: TestMock, payload: string, contentType?: string) =>
    m.app.inject({ method: 'POST', url: '/v2/dossiers', headers: { ...HEADERS, ...(contentType ? { 'content-type': contentType } : {}) }, payload });

  it('records them redacted field by field when they parse, masked whole when not, and answers 415', async () => {
    mock = await startTestMock({ certification: certification() });
    // curl --data @file: the JSON text is one form key with an empty value.
    expect((await send(mock, texte, 'application/x-www-form-urlencoded')).statusCode).toBe(415);
    expect((await send(mock, texte, 'text/plain')).statusCode).toBe(415);
    expect((await send(mock, `nom=MARTIN&prenom=Lucas&nir=${NIR}&cerfa=${encodeURIComponent(texte)}`, 'application/x-www-form-urlencoded')).statusCode).toBe(415);
    expect((await send(mock, `MARTIN;Lucas;2004-09-01;${NIR}`, 'text/csv')).statusCode).toBe(415);
    expect((await send(mock, texte.slice(0, 200), 'application/json')).statusCode).toBe(400);
    const recorded = await echanges(mock);
    expect(recorded).toHaveLength(5);
    const [form, text, fields, csv, cut] = recorded.map((e) => e.body);
    const stored = JSON.stringify(recorded);
    for (const value of [NIR, 'MARTIN', 'Lucas', '2004-09-01']) expect(stored).not.toContain(value);
    // Parsed as JSON and redacted, still readable: the dossier number and the employer's name are not personal.
    const key = Object.keys(form as object)[0]!;
    expect(JSON.parse(key)).toMatchObject({ cerfa: { numeroInterne: 'DOS-TYPE-1', apprenti: { nom: 'M***', dateNaissance: '****-**-**' }, employeur: { denomination: 'Boulangerie des Tests' } } });
    expect(JSON.parse(text as string)).toMatchObject({ cerfa: { numeroInterne: 'DOS-TYPE-1', apprenti: { prenom: 'L***' } } });
    expect(fields).toMatchObject({ nom: 'M***', prenom: 'L***', nir: expect.stringMatching(/^1 \*\*/) });
    expect(JSON.parse((fields as { cerfa: string }).cerfa)).toMatchObject({ cerfa: { numeroInterne: 'DOS-TYPE-1' } });
    expect(csv).toBe(`(corps non JSON masqué : ${`MARTIN;Lucas;2004-09-01;${NIR}`.length} caractères)`);
    expect(cut).toBe('(corps non JSON masqué : 200 octets)');
    // Times are not personal data: kept as numbers.
    for (const e of recorded) expect(typeof e.receivedAtMs).toBe('number');
    // Refused for its type: a spec error of the request (client-requete-conforme-spec), not counted as a play.
    expect(recorded[1]!.schemaErrors).toEqual(['Content-Type : Content-Type attendu : application/json ; reçu : text/plain']);
    expect((await mock.call('POST', '/v2/dossiers', depotCerfa('DOS-TYPE-2'))).statusCode).toBe(503);
  });

  it('keeps a JSON body whole for the judge, and an OAuth form readable with its secret masked', async () => {
    mock = await startTestMock({ certification: certification() });
    // The default script answers this first deposit 503: recorded all the same.
    await send(mock, texte, 'application/json');
    await mock.app.inject({
      method: 'POST',
      url: '/v2/oauth/token',
      headers: { ...HEADERS, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'grant_type=client_credentials&client_id=demo-client&client_secret=tres-secret-client-0001',
    });
    const [deposit, token] = await echanges(mock);
    expect(deposit?.body).toEqual(JSON.parse(texte));
    if (token?.body !== undefined) {
      expect(token.body).toMatchObject({ grant_type: 'client_credentials', client_id: 'demo-client' });
      expect(JSON.stringify(token.body)).not.toContain('tres-secret-client-0001');
    }
  });
});

describe('certification off', () => {
  it('adds no hook and records nothing', async () => {
    const plain = await startTestMock();
    const certified = await startTestMock({ certification: certification() });
    try {
      const hooks = (m: TestMock): Record<string, unknown[]> => {
        const symbol = Object.getOwnPropertySymbols(m.app).find((s) => s.description === 'fastify.hooks');
        return (m.app as unknown as Record<symbol, Record<string, unknown[]>>)[symbol!]!;
      };
      expect(hooks(certified).onRequest!.length).toBe(hooks(plain).onRequest!.length + 1);
      expect(hooks(certified).onSend!.length).toBe(hooks(plain).onSend!.length + 1);
      // The normal mock plays nothing and keeps its own delays.
      expect((await plain.call('POST', '/v2/dossiers', depotCerfa('DOS-OFF'))).statusCode).toBe(201);
      await plain.advance('PT2M');
      expect((await plain.dossier('DOS-OFF')).cerfa.etat).toBe('TRANSMIS');
      expect(await plain.store.listSessions()).toEqual([]);
      const off = await plain.admin('GET', '/_admin/certification/sessions');
      expect(off.statusCode).toBe(404);
      expect(off.json()).toMatchObject({ type: 'urn:convergence:probleme:CERTIFICATION_INACTIVE' });
    } finally {
      await plain.close();
      await certified.close();
    }
  });
});

describe('faults in certification mode', () => {
  it('answers an armed fault and a Prefer status to the client, before validating the body', async () => {
    mock = await startTestMock({ certification: certification({ plays: [] }) });
    expect((await mock.admin('POST', '/_admin/faults', { operation: 'GET /factures/etats', kind: '503', count: 1 })).statusCode).toBe(201);
    expect((await mock.call('GET', '/v2/factures/etats')).statusCode).toBe(503);
    expect((await mock.call('GET', '/v2/factures/etats')).statusCode).toBe(200);
    const preferred = await mock.call('POST', '/v2/factures', {}, { ...HEADERS, prefer: 'code=503' });
    expect(preferred.statusCode).toBe(503);
  });
});
