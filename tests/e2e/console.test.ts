// The web console in a real headless Chromium, on a mock in certification mode: live dossiers, clock, refusals, checklist, CFA isolation.
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createMockApp, type MockApp } from '../../mocks/app.js';
import { frozenClock } from '../../mocks/clock.js';
import { demoConfig, DEMO, type MockConfig } from '../../mocks/tenants.js';
import { depotCerfa, factureFor, HEADERS } from '../../mocks/testdata/fixtures.js';
import { PARAMETRES_PROTOCOLE_DEFAUT } from '../../conformance/model/session.js';
import type { DossierLu } from '../../conformance/model/dossier.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const title = hasChromium ? 'web console in Chromium' : `web console in Chromium — SKIPPED: ${CHROMIUM} not found (install chromium to run it)`;
/** docs/console.md shows these: taken by this test, so they show the console as it is. */
// Rewritten only when asked (UPDATE_DOCS=1), so a test run leaves the checkout clean; taken in a temporary folder otherwise.
const SHOTS = process.env.UPDATE_DOCS === '1' ? fileURLToPath(new URL('../../docs/console/', import.meta.url)) : `${mkdtempSync(join(tmpdir(), 'console-shots-'))}/`;

const AUTRE = { siret: '79000000000011', apiKey: 'autre-cfa-key-0001', denomination: 'CFA Voisin' };
const config: MockConfig = {
  ...demoConfig(),
  cfas: [...demoConfig().cfas, { siret: AUTRE.siret, denomination: AUTRE.denomination, keys: { '*': AUTRE.apiKey }, iban: 'FR7630006000011234567890189' }],
};

describe.skipIf(!hasChromium)(title, () => {
  let mock: MockApp;
  let url: string;
  let browser: Browser;
  let admin: Page;
  const problems: string[] = [];
  const urls: string[] = [];

  const call = async (method: string, path: string, body?: unknown, key: string = DEMO.apiKey) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { ...HEADERS, 'x-api-key': key, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  /** `refusals`: the test asks for what the viewer may not see, and the browser logs those 403 and 404. */
  const open = async (secret: string, refusals = false): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    // Failed answers are listed by URL (below); the browser's own line for each says less.
    page.on('console', (msg) => msg.type() === 'error' && !msg.text().startsWith('Failed to load resource') && problems.push(msg.text()));
    page.on('response', (r) => r.status() >= 400 && !(refusals && [403, 404].includes(r.status())) && problems.push(`${r.status()} ${r.url()}`));
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => urls.push(request.url()));
    await page.goto(`${url}/_console`);
    await page.getByLabel("Jeton d'administration ou clé d'API du CFA").fill(secret);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.locator('[data-etat="connecte"]').waitFor();
    return page;
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    mock = await createMockApp({
      store: 'memory',
      config,
      clock: frozenClock('2026-01-16T09:00:00Z'),
      certification: {
        script: { delais: { instruction: 'P1D', decision: 'P5D', paiement: 'P30D' }, parametres: PARAMETRES_PROTOCOLE_DEFAUT, plays: [{ id: 'limite-debit-etats', operation: 'GET /dossiers/etats', occurrence: 1, answer: { status: 429, code: 'TROP_DE_REQUETES', retryAfter: 2 } }] },
        capabilities: ['contrats', 'factures'],
        version: 'v2',
      },
    });
    url = await mock.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    admin = await open(DEMO.adminToken);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await mock?.close();
  });

  it('shows a dossier deposited through the API as it arrives, and the session checklist turning to pass as the client works', async () => {
    await admin.getByRole('tab', { name: 'Certification' }).click();
    expect((await call('POST', '/v2/dossiers', depotCerfa('DOS-0001'))).status).toBe(201);
    const etatLu = admin.locator('tr[data-item="contrats-etat-lu"]');
    await expect.poll(() => etatLu.getAttribute('data-resultat')).toBe('not-exercised');
    expect(await etatLu.textContent()).toContain('lisez-le après son dépôt');
    expect(await admin.locator('tr[data-item="contrats-depot-valide"]').getAttribute('data-resultat')).toBe('pass');
    // The client reads the state of its dossier: the item passes, live.
    expect((await call('GET', '/v2/dossiers?numeroInterne=DOS-0001')).status).toBe(200);
    await expect.poll(() => etatLu.getAttribute('data-resultat')).toBe('pass');
    await admin.screenshot({ path: `${SHOTS}certification.png`, fullPage: true });
    // Its reports download through the API (the credential in a header, never in the link).
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: 'Télécharger Markdown' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^rapport-norme-[0-9a-f]{8}\.md$/);
    expect(readFileSync(await download.path(), 'utf8')).toContain('contrats-etat-lu');

    await admin.getByRole('tab', { name: 'Dossiers' }).click();
    const row = admin.locator('tr[data-dossier="DOS-0001"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Transmis');
    // Another deposit appears without reloading.
    expect((await call('POST', '/v2/dossiers', depotCerfa('DOS-0002', { nom: 'DUBOIS', prenom: 'Léa' }))).status).toBe(201);
    await admin.locator('tr[data-dossier="DOS-0002"]').waitFor();
    await admin.screenshot({ path: `${SHOTS}dossiers.png`, fullPage: true });
  });

  it('moves the clock from the console: the dossier is engaged, the move says so, the dossier shows its échéancier', async () => {
    // By keyboard: the tabs follow the arrow keys.
    await admin.getByRole('tab', { name: 'Dossiers' }).focus();
    await admin.keyboard.press('ArrowRight');
    expect(await admin.getByRole('tab', { name: 'Horloge' }).getAttribute('aria-selected')).toBe('true');
    await admin.getByLabel('Avancer de (durée ISO 8601)').fill('P5D');
    await admin.getByRole('button', { name: 'Avancer' }).click();
    const bilan = admin.locator('.bilan li', { hasText: 'DOS-0001' });
    await bilan.waitFor();
    expect(await bilan.textContent()).toMatch(/Transmis.*→.*Engagé/);
    expect(await admin.locator('[data-champ="maintenant"]').textContent()).toContain('21/01/2026');
    await admin.screenshot({ path: `${SHOTS}horloge.png`, fullPage: true });

    await admin.getByRole('tab', { name: 'Dossiers' }).click();
    await admin.locator('tr[data-dossier="DOS-0001"]').getByRole('button').click();
    await expect.poll(() => admin.locator('[data-champ="etat"]').textContent()).toBe('Engagé');
    expect(await admin.locator('[data-champ="deca"]').textContent()).toMatch(/^\d{3}202601NC\d{4}$/);
    expect(await admin.locator('table.echeancier tbody tr').count()).toBe(8);
  });

  it('shows why an invoice was refused, in the dossier and in the live log down to the exchange', async () => {
    const dossier = (await call('GET', '/v2/dossiers?numeroInterne=DOS-0001')).body as DossierLu;
    const facture = factureFor(dossier, 'FAC-2026-0001', 1, '2026-01-21');
    await admin.getByRole('tab', { name: 'Journal des requêtes' }).click();
    expect((await call('POST', '/v2/factures', { ...facture, montantTotal: facture.montantTotal + 100 })).status).toBe(400);
    const entree = admin.locator('table.journal tbody tr', { hasText: 'POST /v2/factures' }).first();
    await entree.waitFor();
    expect(await entree.textContent()).toContain('TOTAL_DIFFERENT_SOMME_LIGNES');
    await entree.getByRole('button').click();
    await admin.locator('#titre-echange').waitFor();
    expect(await admin.locator('.echange').textContent()).toContain('FACTURE_REJETEE');
    // The apprentice's NIR never reaches the page.
    expect(await admin.content()).not.toContain('104097505612347');
    await admin.screenshot({ path: `${SHOTS}journal.png`, fullPage: true });

    await admin.getByRole('tab', { name: 'Dossiers' }).click();
    await admin.locator('tr[data-dossier="DOS-0001"]').getByRole('button').click();
    const refus = admin.locator('li[data-facture="FAC-2026-0001"]');
    await refus.waitFor();
    expect(await refus.textContent()).toContain('Rejetée');
    expect(await refus.locator('.motif').textContent()).toMatch(/Motif du rejet : .*somme/i);
    expect(await admin.locator('tr[data-echeance="1"] .motif').count()).toBe(1);
    await admin.locator('section.detail').screenshot({ path: `${SHOTS}dossier.png` });
  });

  it('arms and disarms a fault and a play', async () => {
    await admin.getByRole('tab', { name: 'Fautes et jeux' }).click();
    await admin.getByLabel('Opération (vide : toutes)').fill('POST /factures');
    await admin.getByRole('button', { name: 'Armer', exact: true }).click();
    await admin.locator('ul.fautes li', { hasText: 'POST /factures' }).waitFor();
    const armees = async () => (await (await fetch(`${url}/_admin/faults`, { headers: { authorization: `Bearer ${DEMO.adminToken}` } })).json()) as object[];
    expect(await armees()).toEqual([expect.objectContaining({ kind: '503', operation: 'POST /factures', count: 1 })]);
    await admin.getByLabel('Opération (vide : toutes)').fill('GET /factures/etats');
    await admin.getByLabel('Nombre de requêtes (vide : jusqu\'au désarmement)').fill('');
    await admin.getByRole('button', { name: 'Armer', exact: true }).click();
    await expect.poll(() => admin.locator('ul.fautes li').count()).toBe(2);
    const jeu = admin.getByLabel('Jeu limite-debit-etats armé');
    expect(await jeu.isChecked()).toBe(true);
    await jeu.uncheck();
    await expect.poll(() => mock.app.inject({ url: '/_console/api/fautes', headers: { authorization: `Bearer ${DEMO.adminToken}` } }).then((r) => r.json().plays[0].arme)).toBe(false);
    // Disarmed, the play no longer answers: the first states read gets the engine's page, not a 429.
    expect((await call('GET', '/v2/dossiers/etats?numeroPage=1')).status).toBe(200);
    await admin.screenshot({ path: `${SHOTS}fautes.png`, fullPage: true });
    await admin.locator('ul.fautes li', { hasText: 'GET /factures/etats' }).getByRole('button', { name: /^Désarmer la faute/ }).click();
    await expect.poll(() => admin.locator('ul.fautes li').count()).toBe(1);
    expect(await armees()).toEqual([expect.objectContaining({ operation: 'POST /factures' })]);
    await admin.getByRole('button', { name: 'Tout désarmer' }).click();
    await admin.getByText('Aucune faute armée.').waitFor();
    expect(await armees()).toEqual([]);
  });

  it("a CFA key sees its CFA's dossiers and session only, and cannot drive the mock", async () => {
    expect((await call('POST', '/v2/dossiers', depotCerfa('DOS-9001', { nom: 'VOISIN' }), AUTRE.apiKey)).status).toBe(201);
    await admin.getByRole('tab', { name: 'Dossiers' }).click();
    await admin.locator('tr[data-dossier="DOS-9001"]').waitFor();
    // The admin filters by CFA and by state.
    await admin.getByLabel('CFA', { exact: true }).selectOption(AUTRE.siret);
    await expect.poll(() => admin.locator('table.dossiers tbody tr').count()).toBe(1);
    await admin.getByLabel('CFA', { exact: true }).selectOption('');
    await admin.getByLabel('État', { exact: true }).selectOption('TRANSMIS');
    await expect.poll(() => admin.locator('table.dossiers tbody tr[data-dossier]').allTextContents()).toEqual([expect.stringContaining('DOS-9001')]);
    await admin.getByLabel('État', { exact: true }).selectOption('');

    const cfa = await open(DEMO.apiKey, true);
    await cfa.locator('tr[data-dossier="DOS-0001"]').waitFor();
    expect(await cfa.locator('tr[data-dossier="DOS-9001"]').count()).toBe(0);
    expect(await cfa.getByRole('tab', { name: 'Horloge' }).count()).toBe(0);
    expect(await cfa.getByRole('tab', { name: 'Fautes et jeux' }).count()).toBe(0);
    await cfa.screenshot({ path: `${SHOTS}cfa.png`, fullPage: true });
    // Asked directly, the other CFA's dossier is unknown, the clock and the faults are refused.
    const asked = await cfa.evaluate(async ([siret, key, mine]) => {
      const headers = { authorization: `Bearer ${key}` };
      const get = (path: string, init: RequestInit = {}) => fetch(`/_console/api${path}`, { headers, ...init }).then((r) => r.status);
      const sessions = (await (await fetch('/_console/api/sessions', { headers })).json()) as { sessions: { cfa: string }[] };
      return {
        dossier: await get(`/dossiers/norme/${siret}/DOS-9001`),
        horloge: await get('/horloge', { method: 'PUT', body: '{"advance":"P1D"}', headers: { ...headers, 'content-type': 'application/json' } }),
        fautes: await get('/fautes'),
        sessionsCfa: [...new Set(sessions.sessions.map((s) => s.cfa))],
        requetesAutres: ((await (await fetch('/_console/api/requetes', { headers })).json()) as { requetes: { cfa?: string }[] }).requetes.filter((r) => r.cfa !== mine).length,
      };
    }, [AUTRE.siret, DEMO.apiKey, DEMO.siret] as const);
    expect(asked).toEqual({ dossier: 404, horloge: 403, fautes: 403, sessionsCfa: [DEMO.siret], requetesAutres: 0 });
    await cfa.close();
  });

  it('puts no credential in any URL and logs no script error', () => {
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((u) => u.includes(DEMO.adminToken) || u.includes(DEMO.apiKey))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
