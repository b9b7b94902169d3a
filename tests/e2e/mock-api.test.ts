// The mock OPCO as a CFA's software sees it: auth, isolation, dossier lifecycle on the clock, invoices, profiles.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestMock, type TestMock } from '../../mocks/testdata/harness.js';
import { factureFor, HEADERS, depotCerfa, validCerfa } from '../../mocks/testdata/fixtures.js';
import { DEMO } from '../../mocks/tenants.js';

const OTHER_CFA = {
  siret: '42100000100006',
  denomination: 'Autre CFA',
  keys: { '*': 'other-cfa-key-123' },
  iban: 'FR1420041010050500013M02606',
};
const OTHER_HEADERS = { ...HEADERS, 'x-api-key': OTHER_CFA.keys['*'] };
const DOC = { typeFichier: 'cerfa', nomFichier: 'cerfa.pdf', contenu: Buffer.from('%PDF-1.4 test').toString('base64') };
const DECA = /^(0[0-9][0-9]|02[AB]|9[012345]|97[12346])([0-9]{4})([0-1][0-9])(NC|[0-9]{2})([0-9]{4})$/;

let mock: TestMock;
afterEach(async () => {
  await mock?.close();
});

async function engaged(numeroInterne = 'DOS-0001', cerfa = validCerfa(numeroInterne)): Promise<any> {
  const res = await mock.call('POST', '/v2/dossiers', { cerfa });
  expect(res.statusCode, res.body).toBe(201);
  await mock.advance('P5D');
  const dossier = await mock.dossier(numeroInterne);
  expect(dossier.cerfa.etat).toBe('ENGAGE');
  return dossier;
}

describe('authentication', () => {
  it('answers 401 CLE_API_ABSENTE without X-API-KEY and 403 CLE_API_INCONNUE with a wrong one', async () => {
    mock = await startTestMock();
    const { 'x-api-key': _key, ...noKey } = HEADERS;
    const missing = await mock.call('GET', '/v2/dossiers/etats', undefined, noKey);
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.json()).toMatchObject({ status: 401, errors: [{ code: 'CLE_API_ABSENTE', champ: 'X-API-KEY' }] });
    const wrong = await mock.call('GET', '/v2/dossiers/etats', undefined, { ...HEADERS, 'x-api-key': 'not-a-known-key' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().errors[0].code).toBe('CLE_API_INCONNUE');
  });

  it('names every missing software header (EDITEUR, LOGICIEL, VERSION)', async () => {
    mock = await startTestMock();
    const { editeur: _e, version: _v, ...partial } = HEADERS;
    const res = await mock.call('GET', '/v2/dossiers/etats', undefined, partial);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { code: string; champ: string }) => [e.code, e.champ])).toEqual([
      ['ENTETE_EDITEUR_ABSENTE', 'EDITEUR'],
      ['ENTETE_EDITEUR_ABSENTE', 'VERSION'],
    ]);
  });

  it('requires an OAuth2 bearer at AKTO, served by client_credentials on /akto/oauth/token', async () => {
    mock = await startTestMock();
    const without = await mock.call('GET', '/akto/v2/dossiers/etats');
    expect(without.statusCode).toBe(401);
    expect(without.json().errors[0].code).toBe('JETON_ABSENT');
    const badClient = await mock.app.inject({
      method: 'POST',
      url: '/akto/oauth/token',
      payload: 'grant_type=client_credentials&client_id=demo-client&client_secret=wrong',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(badClient.statusCode).toBe(401);
    const tokenRes = await mock.app.inject({
      method: 'POST',
      url: '/akto/oauth/token',
      payload: `grant_type=client_credentials&client_id=${DEMO.client.clientId}&client_secret=${DEMO.client.clientSecret}&scope=.default`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(tokenRes.statusCode).toBe(200);
    const { access_token: token, token_type: type } = tokenRes.json();
    expect(type).toBe('Bearer');
    const ok = await mock.call('GET', '/akto/v2/dossiers/etats', undefined, { ...HEADERS, authorization: `Bearer ${token}` });
    expect(ok.statusCode).toBe(200);
    const forged = await mock.call('GET', '/akto/v2/dossiers/etats', undefined, { ...HEADERS, authorization: 'Bearer forged' });
    expect(forged.json().errors[0].code).toBe('JETON_INVALIDE');
    // Tokens expire after an hour on the mock clock.
    await mock.advance('PT2H');
    const expired = await mock.call('GET', '/akto/v2/dossiers/etats', undefined, { ...HEADERS, authorization: `Bearer ${token}` });
    expect(expired.statusCode).toBe(401);
  });

  it('keeps a key to the OPCOs it was issued for', async () => {
    mock = await startTestMock({
      config: {
        admin: { token: DEMO.adminToken },
        cfas: [{ ...OTHER_CFA, keys: { atlas: 'atlas-only-key-1' } }],
      },
    });
    const headers = { ...HEADERS, 'x-api-key': 'atlas-only-key-1' };
    expect((await mock.call('GET', '/atlas/v2/dossiers/etats', undefined, headers)).statusCode).toBe(200);
    expect((await mock.call('GET', '/opcommerce/v2/dossiers/etats', undefined, headers)).statusCode).toBe(403);
    expect((await mock.call('GET', '/v2/dossiers/etats', undefined, headers)).statusCode).toBe(403);
  });
});

describe('isolation between CFAs', () => {
  it("answers another CFA's numeroInterne exactly like an unknown one", async () => {
    mock = await startTestMock();
    expect((await mock.admin('POST', '/_admin/tenants', OTHER_CFA)).statusCode).toBe(201);
    expect((await mock.call('POST', '/v2/dossiers', depotCerfa('SECRET-1'))).statusCode).toBe(201);
    const foreign = await mock.call('GET', '/v2/dossiers?numeroInterne=SECRET-1', undefined, OTHER_HEADERS);
    const unknown = await mock.call('GET', '/v2/dossiers?numeroInterne=SECRET-2', undefined, OTHER_HEADERS);
    expect(foreign.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(foreign.json().errors).toEqual(unknown.json().errors);
    const etats = await mock.call('GET', '/v2/dossiers/etats', undefined, OTHER_HEADERS);
    expect(etats.json().total).toBe(0);
    // The same internal number is free for the other CFA.
    expect((await mock.call('POST', '/v2/dossiers', depotCerfa('SECRET-1'), OTHER_HEADERS)).statusCode).toBe(201);
  });

  it('keeps the dossiers of one OPCO away from another', async () => {
    mock = await startTestMock();
    expect((await mock.call('POST', '/atlas/v2/dossiers', depotCerfa('D-ATLAS'))).statusCode).toBe(201);
    expect((await mock.call('GET', '/atlas/v2/dossiers?numeroInterne=D-ATLAS')).statusCode).toBe(200);
    expect((await mock.call('GET', '/opcommerce/v2/dossiers?numeroInterne=D-ATLAS')).statusCode).toBe(404);
    expect((await mock.call('GET', '/v2/dossiers?numeroInterne=D-ATLAS')).statusCode).toBe(404);
  });
});

describe('dossier lifecycle on the clock', () => {
  it('goes TRANSMIS → EN_COURS_INSTRUCTION → ENGAGE with a DECA number, a commitment and an échéancier', async () => {
    mock = await startTestMock();
    const created = await mock.call('POST', '/v2/dossiers', depotCerfa('DOS-0001'));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ numeroInterne: 'DOS-0001', etat: 'TRANSMIS' });
    expect(created.json().numeroExterne).toMatch(/^NORME-2026-\d{6}$/);
    expect((await mock.dossier('DOS-0001')).cerfa.etat).toBe('TRANSMIS');
    await mock.advance('P1D');
    const instructing = await mock.dossier('DOS-0001');
    expect(instructing.cerfa.etat).toBe('EN_COURS_INSTRUCTION');
    expect(instructing.echeances).toEqual([]);
    expect(instructing.cerfa.numeroDeca).toBeNull();
    await mock.advance('P4D');
    const dossier = await mock.dossier('DOS-0001');
    expect(dossier.cerfa.etat).toBe('ENGAGE');
    expect(dossier.cerfa.numeroDeca).toMatch(DECA);
    expect(dossier.cerfa.contrat.noContrat).toBe(dossier.cerfa.numeroDeca);
    // NPEC of RNCP35185 in the sample référentiel: 7 000 € a year, two years.
    expect(dossier.engagement).toBe(14000);
    expect(dossier.echeances).toHaveLength(8);
    expect(dossier.echeances[0]).toMatchObject({ numero: 1, montantTotal: 2800, montantRegle: 0, montantEnCoursInstruction: 0, dateOuverture: '2026-01-15' });
    expect(dossier.detailsFacturation.iban).toBe(DEMO.iban);
  });

  it('adds the RQTH majoration when the apprentice is recognised disabled', async () => {
    mock = await startTestMock();
    const dossier = await engaged('RQTH-1', validCerfa('RQTH-1', { handicap: true }));
    expect(dossier.engagement).toBe(22000);
    expect(dossier.echeances[0].montantMajorationRQTH).toBe(1600);
  });

  it('falls back to the valeur d’amorçage for a certification without NPEC', async () => {
    mock = await startTestMock();
    const cerfa = validCerfa('AMORCE-1');
    cerfa.formation.rncp = 'RNCP99999';
    cerfa.formation.codeDiplome = '99999999';
    const dossier = await engaged('AMORCE-1', cerfa);
    expect(dossier.engagement).toBe(12000);
  });

  it('refuses a second deposit of the same numeroInterne with 409 DOSSIER_DEJA_CONNU', async () => {
    mock = await startTestMock();
    expect((await mock.call('POST', '/v2/dossiers', depotCerfa('DUP-1'))).statusCode).toBe(201);
    const again = await mock.call('POST', '/v2/dossiers', depotCerfa('DUP-1'));
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0]).toMatchObject({ code: 'DOSSIER_DEJA_CONNU', champ: 'numeroInterne' });
  });

  it('accepts then cancels an exact duplicate (same apprentice, employer and start date) as "Doublon"', async () => {
    mock = await startTestMock();
    const first = await mock.call('POST', '/v2/dossiers', depotCerfa('ORIG-1'));
    const twin = await mock.call('POST', '/v2/dossiers', depotCerfa('TWIN-1'));
    expect(twin.statusCode).toBe(201);
    expect(twin.json().etat).toBe('TRANSMIS');
    await mock.advance('P1D');
    const cancelled = await mock.dossier('TWIN-1');
    expect(cancelled.cerfa.etat).toBe('ANNULE');
    expect(cancelled.cerfa.commentaireEtat).toContain('Doublon');
    expect(cancelled.cerfa.commentaireEtat).toContain(first.json().numeroExterne);
    await mock.advance('P10D');
    expect((await mock.dossier('TWIN-1')).cerfa.etat).toBe('ANNULE');
    expect((await mock.dossier('ORIG-1')).cerfa.etat).toBe('ENGAGE');
  });

  it('does not detect a duplicate whose names are swapped or spelled differently (FAQ blind spots)', async () => {
    mock = await startTestMock();
    await mock.call('POST', '/v2/dossiers', depotCerfa('ORIG-1'));
    await mock.call('POST', '/v2/dossiers', depotCerfa('SWAP-1', { nom: 'Lucas', prenom: 'MARTIN' }));
    await mock.call('POST', '/v2/dossiers', depotCerfa('SPELL-1', { nom: 'MARTAIN' }));
    await mock.advance('P5D');
    expect((await mock.dossier('SWAP-1')).cerfa.etat).toBe('ENGAGE');
    expect((await mock.dossier('SPELL-1')).cerfa.etat).toBe('ENGAGE');
  });

  it('records a rupture: state RUPTURE, échéancier prorated to the rupture date', async () => {
    mock = await startTestMock();
    await engaged('RUPT-1');
    const res = await mock.call('POST', '/v2/dossiers/rupture/employeur', { numeroInterne: 'RUPT-1', dateRupture: '2026-10-14' });
    expect(res.statusCode, res.body).toBe(200);
    const dossier = await mock.dossier('RUPT-1');
    expect(dossier.cerfa.etat).toBe('RUPTURE');
    expect(dossier.cerfa.contrat.dateRupture).toBe('2026-10-14');
    // 273 days of a 7 000 € year, daily prorata (contract concluded after 2025-07-01).
    expect(dossier.engagement).toBe(Math.round(((7000 * 273) / 365) * 100) / 100);
    const sum = dossier.echeances.reduce((s: number, e: { montantTotal: number }) => s + e.montantTotal, 0);
    expect(Math.round(sum * 100) / 100).toBe(dossier.engagement);
    expect(dossier.echeances.every((e: { dateOuverture: string }) => e.dateOuverture <= '2026-10-14')).toBe(true);
  });

  it("uses the profile's rupture code (RUPTU at OPCO Mobilités when configured) and refuses a rupture before engagement", async () => {
    mock = await startTestMock({
      config: { admin: { token: DEMO.adminToken }, opcos: { mobilites: { etatRupture: 'RUPTU' } }, cfas: [{ ...OTHER_CFA, keys: { '*': DEMO.apiKey } }] },
    });
    await mock.call('POST', '/mobilites/v2/dossiers', depotCerfa('R-1'));
    const early = await mock.call('POST', '/mobilites/v2/dossiers/rupture/employeur', { numeroInterne: 'R-1', dateRupture: '2026-03-01' });
    expect(early.statusCode).toBe(409);
    expect(early.json().errors[0].code).toBe('ETAT_INCOMPATIBLE');
    await mock.advance('P5D');
    const outside = await mock.call('POST', '/mobilites/v2/dossiers/rupture/employeur', { numeroInterne: 'R-1', dateRupture: '2030-01-01' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].champ).toBe('dateRupture');
    await mock.call('POST', '/mobilites/v2/dossiers/rupture/employeur', { numeroInterne: 'R-1', dateRupture: '2026-03-01' });
    expect((await mock.dossier('R-1', '/mobilites')).cerfa.etat).toBe('RUPTU');
    const twice = await mock.call('POST', '/mobilites/v2/dossiers/rupture/employeur', { numeroInterne: 'R-1', dateRupture: '2026-03-01' });
    expect(twice.statusCode).toBe(409);
  });
});

describe('listings and appairage', () => {
  it('pages /dossiers/etats and rejects a bad numeroPage', async () => {
    mock = await startTestMock({ config: { admin: { token: DEMO.adminToken }, pageSize: 2, cfas: [{ ...OTHER_CFA, keys: { '*': DEMO.apiKey } }] } });
    for (const n of ['P-1', 'P-2', 'P-3']) await mock.call('POST', '/v2/dossiers', depotCerfa(n, { nom: n }));
    const page1 = (await mock.call('GET', '/v2/dossiers/etats?numeroPage=1')).json();
    const page2 = (await mock.call('GET', '/v2/dossiers/etats?numeroPage=2')).json();
    expect(page1).toMatchObject({ total: 3, count: 2, page: 1 });
    expect(page2.EtatDossierResult.map((d: { numeroInterne: string }) => d.numeroInterne)).toEqual(['P-3']);
    expect(page2.EtatDossierResult[0]).toMatchObject({ etat: 'TRANSMIS', numeroDeca: null });
    const bad = await mock.call('GET', '/v2/dossiers/etats?numeroPage=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].champ).toBe('numeroPage');
  });

  it('lists the requested numerosInternes and pairs on the five exact criteria', async () => {
    mock = await startTestMock();
    await mock.call('POST', '/v2/dossiers', depotCerfa('L-1'));
    await mock.call('POST', '/v2/dossiers', depotCerfa('L-2', { nom: 'DUPONT' }));
    const liste = (await mock.call('GET', '/v2/dossiers/liste?numerosInternes=L-1,L-2,NOPE')).json();
    expect(liste.map((d: { cerfa: { numeroInterne: string } }) => d.cerfa.numeroInterne)).toEqual(['L-1', 'L-2']);
    const q = (nom: string, prenom: string) =>
      `/v2/dossiers/appairage?nom=${nom}&prenom=${prenom}&dateNaissance=2004-09-01&siretEmployeur=42100000100006&dateDebutContrat=2026-01-15`;
    const found = (await mock.call('GET', q('DUPONT', 'Lucas'))).json();
    expect(found.map((d: { cerfa: { numeroInterne: string } }) => d.cerfa.numeroInterne)).toEqual(['L-2']);
    expect((await mock.call('GET', q('Lucas', 'DUPONT'))).json()).toEqual([]);
    const missing = await mock.call('GET', '/v2/dossiers/appairage?nom=DUPONT');
    expect(missing.statusCode).toBe(400);
  });
});

describe('invoices', () => {
  it('accepts an invoice, shows it en cours d’instruction, then paid after delais.paiement', async () => {
    mock = await startTestMock();
    const dossier = await engaged();
    const res = await mock.call('POST', '/v2/factures', factureFor(dossier, 'FAC-1'));
    expect(res.statusCode, res.body).toBe(201);
    let e1 = (await mock.dossier('DOS-0001')).echeances[0];
    expect(e1).toMatchObject({ montantEnCoursInstruction: 2800, montantRegle: 0 });
    let etats = (await mock.call('GET', '/v2/factures/etats?numeroPage=1')).json();
    expect(etats.factures[0]).toMatchObject({ numeroInterneFacture: 'FAC-1', etatFacture: 'EN_COURS_INSTRUCTION', dateReglement: null });
    await mock.advance('P30D');
    e1 = (await mock.dossier('DOS-0001')).echeances[0];
    expect(e1).toMatchObject({ montantEnCoursInstruction: 0, montantRegle: 2800 });
    etats = (await mock.call('GET', '/v2/factures/etats')).json();
    expect(etats.factures[0]).toMatchObject({ etatFacture: 'REGLE', dateReglement: '2026-02-20', montantFacture: 2800, referenceVirement: null });
    expect(etats.factures[0].dossiers).toEqual([{ numeroInterneDossier: 'DOS-0001', numeroExterneDossier: dossier.cerfa.numeroExterne, montant: 2800 }]);
  });

  it('never accepts the same invoice number twice', async () => {
    mock = await startTestMock();
    const dossier = await engaged();
    expect((await mock.call('POST', '/v2/factures', factureFor(dossier, 'FAC-1'))).statusCode).toBe(201);
    const again = await mock.call('POST', '/v2/factures', factureFor(dossier, 'FAC-1'));
    expect(again.statusCode).toBe(400);
    expect(again.json().errors.some((e: { champ: string }) => e.champ === 'numeroInterneFacture')).toBe(true);
    expect((await mock.dossier('DOS-0001')).echeances[0].montantEnCoursInstruction).toBe(2800);
  });

  it('marks a dossier SOLDE once every échéance is paid', async () => {
    mock = await startTestMock();
    const dossier = await engaged();
    // The first avance invoiced at once: the contract has started (else cancelled as "non commencé" three months on).
    const avance = await mock.call('POST', '/v2/factures', factureFor(dossier, 'FAC-1', 1, '2026-01-21'));
    expect(avance.statusCode, avance.body).toBe(201);
    await mock.admin('PUT', '/_admin/clock', { now: '2028-02-01T09:00:00Z' });
    for (const e of dossier.echeances.slice(1)) {
      // Each with its certificat de réalisation: the balances (10 %) are paid after service fait (FIN-22).
      const res = await mock.call('POST', '/v2/factures', factureFor(dossier, `FAC-${e.numero}`, e.numero, '2028-02-01', { certificat: true }));
      expect(res.statusCode, res.body).toBe(201);
    }
    expect((await mock.dossier('DOS-0001')).cerfa.etat).toBe('ENGAGE');
    await mock.advance('P30D');
    expect((await mock.dossier('DOS-0001')).cerfa.etat).toBe('SOLDE');
  });
});

describe('pièces', () => {
  it('stores conventions and documents against a known dossier, 404 otherwise', async () => {
    mock = await startTestMock();
    await mock.call('POST', '/v2/dossiers', depotCerfa('PIECE-1'));
    const unknown = await mock.call('POST', '/v2/documents', { ...DOC, objets: [{ typeObjet: 'dossier', idObjet: 'NOPE' }] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors[0]).toMatchObject({ code: 'DOSSIER_INCONNU', champ: 'objets[0].idObjet' });
    const doc = await mock.call('POST', '/v2/documents', { ...DOC, objets: [{ typeObjet: 'dossier', idObjet: 'PIECE-1' }] });
    expect(doc.statusCode).toBe(201);
    expect(doc.json()).toMatchObject({ numeroInterneDossier: 'PIECE-1', statut: 'RECU' });
    const state = (await mock.admin('GET', '/_admin/state')).json();
    expect(state.partitions[0]).toMatchObject({ dossiers: 1, pieces: 1 });
  });
});

describe('OPCO profiles', () => {
  it('answers 501 NON_SUPPORTE outside the profile: v2 at AFDAS, conventions at OPCO Santé, certificats at Atlas', async () => {
    mock = await startTestMock();
    for (const url of ['/afdas/v2/dossiers/etats', '/atlas/v2/certificats', '/sante/v1/conventions']) {
      const method = url.endsWith('etats') ? 'GET' : 'POST';
      const res = await mock.call(method, url, method === 'POST' ? { numeroInterneDossier: 'X' } : undefined);
      if (res.statusCode === 404) continue; // operation absent from the served spec
      expect(res.statusCode, url).toBe(501);
      expect(res.json().errors[0].code).toBe('NON_SUPPORTE');
    }
  });

  it('answers 400 for an unknown numeroInterne at OPCO EP, 404 elsewhere', async () => {
    mock = await startTestMock();
    expect((await mock.call('GET', '/opcoep/v1/dossiers?numeroInterne=NOPE')).statusCode).toBe(400);
    expect((await mock.call('GET', '/atlas/v1/dossiers?numeroInterne=NOPE')).statusCode).toBe(404);
  });

  it('answers 404 OPERATION_INCONNUE for a path of no operation', async () => {
    mock = await startTestMock();
    const res = await mock.call('GET', '/v2/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().errors[0].code).toBe('OPERATION_INCONNUE');
    expect((await mock.call('GET', '/unknown-opco/v2/dossiers/etats')).statusCode).toBe(404);
  });
});
