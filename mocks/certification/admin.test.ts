// Admin API of certification mode (sessions, exchanges scrubbed, reports) and sessions kept across a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { frozenClock } from '../clock.js';
import { createMockApp } from '../app.js';
import { startTestMock, ADMIN, START, type TestMock } from '../testdata/harness.js';
import { HEADERS, depotCerfa, validCerfa } from '../testdata/fixtures.js';
import { DEMO } from '../tenants.js';
import { loadCertificationScript, ScriptError } from './script.js';
import { sessionIdOf, type CertificationOptions } from './recorder.js';
import { loadSession } from './session.js';
import type { EchangeCfa } from '../../conformance/model/session.js';

const dir = mkdtempSync(join(tmpdir(), 'cert-admin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const certification: CertificationOptions = { script: loadCertificationScript(), capabilities: ['contrats'], version: 'v2' };
const SESSION = sessionIdOf('norme', DEMO.apiKey);
const NIR = validCerfa().apprenti.nir;

let mock: TestMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function withDeposit(): Promise<TestMock> {
  const m = await startTestMock({ certification });
  expect((await m.call('POST', '/v2/dossiers', depotCerfa('DOS-ADM-1'))).statusCode).toBe(503);
  expect((await m.call('POST', '/v2/dossiers', depotCerfa('DOS-ADM-1'))).statusCode).toBe(201);
  expect((await m.call('GET', '/v2/dossiers/appairage?nom=MARTIN&prenom=Lucas&dateNaissance=2004-09-01&siretEmployeur=42100000100006&dateDebutContrat=2026-01-15')).statusCode).toBe(200);
  return m;
}

describe('certification admin API', () => {
  it('lists the sessions and shows one with its personal data masked', async () => {
    mock = await withDeposit();
    const list = await mock.admin('GET', '/_admin/certification/sessions');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({
      sessions: [{ id: SESSION, opco: 'norme', cfa: DEMO.siret, requests: 3, firstAt: expect.stringMatching(/^\d{4}-/), lastAt: expect.stringMatching(/^\d{4}-/) }],
      unattributed: { sansCle: 0, cleInconnue: 0 },
    });

    const res = await mock.admin('GET', `/_admin/certification/sessions/${SESSION}`);
    expect(res.statusCode).toBe(200);
    const session = res.json();
    expect(session).toMatchObject({ id: SESSION, opco: 'norme', cfa: DEMO.siret, version: 'v2', parametres: certification.script.parametres });
    expect(session.echanges.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3]);
    const text = res.body;
    for (const secret of [NIR, 'MARTIN', 'Lucas', '2004-09-01', DEMO.apiKey]) expect(text).not.toContain(secret);
    // Company names and the dossier's own numbers stay readable.
    expect(session.echanges[1].body).toMatchObject({ cerfa: { numeroInterne: 'DOS-ADM-1', employeur: { denomination: 'Boulangerie des Tests' } } });
    expect(session.echanges[2].query.nom).not.toBe('MARTIN');
    // The store keeps the exchange as received; only what is shown is masked.
    expect(JSON.stringify(await mock.store.getSession(SESSION))).toContain(NIR);
  });

  it('renders the session report in the five formats', async () => {
    mock = await withDeposit();
    const json = await mock.admin('GET', `/_admin/certification/sessions/${SESSION}/report`);
    expect(json.statusCode, json.body).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    const report = json.json();
    expect(report).toMatchObject({ kind: 'cfa', tool: { name: 'convergence' }, target: { profile: 'norme' } });
    expect(report.target.url).toMatch(/^http:\/\//);
    expect(json.body).not.toContain(NIR);
    // The run's script reaches the checklist: a reaction not yet exercised names the request that provokes it.
    const retry = report.checklist.find((i: { id: string }) => i.id === 'protocole-retry-after');
    expect(retry).toMatchObject({ outcome: 'not-exercised', reason: expect.stringContaining('le script répond 429 à la 1re requête GET /dossiers de la session (limite-debit-lecture)') });
    const expected: Record<string, RegExp> = { junit: /<testsuites/, sarif: /"\$schema"|"runs"/, markdown: /^#/m, html: /<html/i };
    for (const [format, shape] of Object.entries(expected)) {
      const res = await mock.admin('GET', `/_admin/certification/sessions/${SESSION}/report?format=${format}`);
      expect(res.statusCode, `${format}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(res.body).toMatch(shape);
      expect(res.body).not.toContain(NIR);
    }
  });

  it('answers 404 for an unknown session, 400 naming format for an unknown format, 401 without the admin token', async () => {
    mock = await withDeposit();
    for (const url of ['/_admin/certification/sessions/norme-00000000', '/_admin/certification/sessions/norme-00000000/report']) {
      const res = await mock.admin('GET', url);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ type: 'urn:convergence:probleme:SESSION_INCONNUE', status: 404 });
    }
    const bad = await mock.admin('GET', `/_admin/certification/sessions/${SESSION}/report?format=pdf`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ champ: 'format', description: expect.stringContaining('pdf') })]);
    const anonymous = await mock.app.inject({ method: 'GET', url: '/_admin/certification/sessions' });
    expect(anonymous.statusCode).toBe(401);
    const asCfa = await mock.app.inject({ method: 'GET', url: `/_admin/certification/sessions/${SESSION}`, headers: HEADERS });
    expect(asCfa.statusCode).toBe(401);
  });

  it('forgets the sessions on reset and numbers from 1 again, plays included', async () => {
    mock = await withDeposit();
    expect((await mock.admin('POST', '/_admin/reset')).statusCode).toBe(200);
    expect((await mock.admin('GET', '/_admin/certification/sessions')).json()).toEqual({ sessions: [], unattributed: { sansCle: 0, cleInconnue: 0 } });
    expect((await mock.call('POST', '/v2/dossiers', depotCerfa('DOS-ADM-2'))).statusCode).toBe(503);
    const session = await mock.store.getSession(SESSION);
    expect(session?.echanges.map((e) => [e.seq, e.scripted])).toEqual([[1, 'erreur-serveur-depot']]);
  });

  it('masks text and form bodies kept whole by an earlier version, in the view and in every report format', async () => {
    mock = await withDeposit();
    const texte = JSON.stringify({ cerfa: { numeroInterne: 'DOS-ANCIEN-1', apprenti: { nom: 'ESCOFFIER', prenom: 'Gaspard', dateNaissance: '1986-07-12', nir: '186077512345621' } } });
    const echange = (seq: number, contentType: string | undefined, body: unknown): EchangeCfa => ({
      seq,
      receivedAtMs: 1_700_000_000_000 + seq,
      mockTime: START,
      method: 'POST',
      path: '/v2/dossiers',
      query: {},
      version: 'v2',
      operation: 'POST /dossiers',
      // No editor headers: client-entetes-editeur-presents cites these exchanges, bodies included.
      headers: contentType ? { 'content-type': contentType } : ({} as Record<string, string>),
      body,
      response: { status: 400, headers: { 'content-type': 'application/problem+json' }, body: { status: 400, type: 'urn:convergence:probleme:ENTETE_EDITEUR_ABSENTE' } },
    });
    const meta = { opco: 'norme', cfa: DEMO.siret };
    await mock.store.appendExchange(SESSION, meta, echange(4, 'text/plain', texte));
    await mock.store.appendExchange(SESSION, meta, echange(5, 'application/x-www-form-urlencoded', { [texte]: '' }));
    await mock.store.appendExchange(SESSION, meta, echange(6, undefined, 'ESCOFFIER Gaspard 1986-07-12'));
    const secrets = ['ESCOFFIER', 'Gaspard', '1986-07-12', '186077512345621'];

    const view = await mock.admin('GET', `/_admin/certification/sessions/${SESSION}`);
    for (const secret of secrets) expect(view.body).not.toContain(secret);
    const bodies = view.json().echanges.slice(3).map((e: { body: unknown }) => e.body);
    expect(JSON.parse(bodies[0])).toMatchObject({ cerfa: { numeroInterne: 'DOS-ANCIEN-1', apprenti: { nom: 'E***' } } });
    expect(JSON.parse(Object.keys(bodies[1])[0]!)).toMatchObject({ cerfa: { numeroInterne: 'DOS-ANCIEN-1' } });
    expect(bodies[2]).toBe('(corps non JSON masqué : 28 caractères)');
    // Times are not masked, even 13 digits long.
    expect(view.json().echanges[3].receivedAtMs).toBe(1_700_000_000_004);

    for (const format of ['json', 'junit', 'sarif', 'markdown', 'html']) {
      const res = await mock.admin('GET', `/_admin/certification/sessions/${SESSION}/report?format=${format}`);
      expect(res.statusCode).toBe(200);
      for (const secret of secrets) expect(res.body, `${format}: ${secret}`).not.toContain(secret);
    }
    const report = (await mock.admin('GET', `/_admin/certification/sessions/${SESSION}/report`)).body;
    expect(report).toContain('DOS-ANCIEN-1');
  });

  it('refuses to start on a play the mock cannot play', async () => {
    const script = { ...certification.script, plays: [{ ...certification.script.plays[0]!, operation: 'POST /dossier' }] };
    await expect(createMockApp({ store: 'memory', certification: { ...certification, script } })).rejects.toBeInstanceOf(ScriptError);
  });
});

describe('durability', () => {
  it('keeps sessions across a restart on a SQLite file: numbering and plays continue', async () => {
    const file = join(dir, 'restart.sqlite');
    const start = () => createMockApp({ store: file, clock: frozenClock(START), certification });
    const headers = { ...HEADERS, 'content-type': 'application/json' };

    const first = await start();
    const url = await first.app.listen({ port: 0, host: '127.0.0.1' });
    const post = (base: string, numero: string) => fetch(`${base}/v2/dossiers`, { method: 'POST', headers, body: JSON.stringify(depotCerfa(numero)) });
    expect((await post(url, 'DOS-DUR-1')).status).toBe(503);
    expect((await fetch(`${url}/v2/cfakeyinfo`, { headers: HEADERS })).status).toBe(200);
    await first.close();

    const second = await start();
    try {
      const again = await second.app.listen({ port: 0, host: '127.0.0.1' });
      // The 503 was already played to this session: the next deposit reaches the engine.
      expect((await post(again, 'DOS-DUR-1')).status).toBe(201);
      const session = await loadSession(second.store, SESSION, certification);
      expect(session?.echanges.map((e) => [e.seq, e.operation, e.response.status])).toEqual([
        [1, 'POST /dossiers', 503],
        [2, 'GET /cfakeyinfo', 200],
        [3, 'POST /dossiers', 201],
      ]);
      const listed = await second.app.inject({ method: 'GET', url: '/_admin/certification/sessions', headers: ADMIN });
      expect(listed.json().sessions).toEqual([expect.objectContaining({ id: SESSION, requests: 3 })]);
    } finally {
      await second.close();
    }
  });
});
