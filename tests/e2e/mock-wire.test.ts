// The CERFA on the wire (issue 12): a body carrying every member wire-format.md lists is accepted and read back, at
// the root profile and at /akto (OAuth2 + key); the numeroInterne placements; the profiles' wire quirks; CfaDock.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { frozenClock } from '../../mocks/clock.js';
import { runRules } from '../../mocks/engine/rules.js';
import { mocksAsset } from '../../mocks/profiles.js';
import { depotCerfa, HEADERS } from '../../mocks/testdata/fixtures.js';
import { startTestMock, type TestMock } from '../../mocks/testdata/harness.js';
import { responseErrors } from '../../mocks/testdata/response-check.js';
import { DEMO } from '../../mocks/tenants.js';

const DECA = /^(0[0-9][0-9]|02[AB]|9[012345]|97[12346])([0-9]{4})([0-1][0-9])(NC|[0-9]{2})([0-9]{4})$/;

/**
 * The real software's contract (mocks/examples/contrat-logiciel.json) completed with every other member that
 * wire-format.md §1 lists: a second tutor, a main training site apart from the CFA (an avenant 38 changing it, with
 * its previous contract's DECA number and effective date), a derogation, the apprentice's RQTH rights.
 */
function corpsComplet(): any {
  const body = JSON.parse(readFileSync(mocksAsset('examples/contrat-logiciel.json'), 'utf8'));
  const { cerfa } = body;
  cerfa.maitre2 = {
    nom: 'Bernard',
    prenom: 'Julie',
    dateNaissance: '1981-11-02T00:00:00+00:00',
    courriel: 'julie.bernard@boulangerie.example',
    emploiOccupe: 'Boulangère',
    intituleDiplomeObtenu: 'BP Boulanger',
    niveauDiplomeObtenu: 4,
  };
  cerfa.organismeFormation.lieuFormationIdentique = false;
  cerfa.organismeFormationLieuFormationPrincipal = {
    denomination: 'Site de formation du Parc',
    siret: '85300000800013',
    uaiCfa: '0751235K',
    adresse: { adresse1: '20 rue du Fournil', adresse2: 'Bâtiment B', codePostal: '75020', commune: 'Paris' },
  };
  Object.assign(cerfa.contrat, {
    typeContratApp: 38,
    numeroContratPrecedent: '075202609NC0001',
    dateEffetAvenant: '2027-09-01T00:00:00+00:00',
    typeDerogation: 60,
  });
  return body;
}

const MEMBRES_WIRE_FORMAT = [
  'versionCERFA', 'CERFASignatureProbante',
  'employeur.nom', 'employeur.prenom', 'employeur.caisseComplementaire', 'employeur.attestationEligibilite', 'employeur.attestationPieces',
  'employeur.adresse.adresse1', 'employeur.adresse.adresse2',
  'apprenti.nomUsage', 'apprenti.sexe', 'apprenti.departementNaissance', 'apprenti.droitsRqthExtensionBOE', 'apprenti.droitsRqthEquivalenceJeune',
  'maitre1.intituleDiplomeObtenu', 'maitre1.niveauDiplomeObtenu', 'maitre2.intituleDiplomeObtenu', 'maitre2.niveauDiplomeObtenu',
  'contrat.dateFormationPratiqueEmployeur', 'contrat.avantageNourriture', 'contrat.avantageLogement', 'contrat.autreAvantageEnNature',
  'contrat.typeDerogation', 'contrat.numeroContratPrecedent', 'contrat.dateEffetAvenant', 'contrat.remunerationsAnnuelles',
  'organismeFormation.lieuFormationIdentique', 'organismeFormationLieuFormationPrincipal.denomination',
  'organismeFormationLieuFormationPrincipal.siret', 'organismeFormationLieuFormationPrincipal.uaiCfa', 'organismeFormationLieuFormationPrincipal.adresse',
];

const at = (value: any, path: string): unknown => path.split('.').reduce((v, k) => v?.[k], value);

let mock: TestMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function bearer(m: TestMock, opco: string): Promise<Record<string, string>> {
  const res = await m.app.inject({
    method: 'POST',
    url: `/${opco}/oauth/token`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `grant_type=client_credentials&client_id=${DEMO.client.clientId}&client_secret=${DEMO.client.clientSecret}&scope=.default`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return { ...HEADERS, authorization: `Bearer ${res.json().access_token}` };
}

describe('a deposit carrying every member of the wire format (done when, issue 12)', () => {
  it('carries every member wire-format.md lists', () => {
    const { cerfa } = corpsComplet();
    expect(MEMBRES_WIRE_FORMAT.filter((path) => at(cerfa, path) === undefined)).toEqual([]);
    expect(cerfa.contrat.remunerationsAnnuelles[0]).toMatchObject({ ordre: '1.1', dateDebut: expect.any(String), dateFin: expect.any(String), taux: 43, typeSalaire: 'SMIC' });
  });

  for (const [profil, prefix] of [['norme (root)', ''], ['akto (OAuth2 + key)', '/akto']] as const) {
    it(`is answered 2xx at ${profil}, on business rules only, and reads back with what AKTO's client reads`, async () => {
      mock = await startTestMock({ clock: frozenClock('2026-08-25T09:00:00Z') });
      const headers = prefix === '' ? HEADERS : await bearer(mock, 'akto');
      const res = await mock.call('POST', `${prefix}/v2/dossiers`, corpsComplet(), headers);
      expect(res.statusCode, res.body).toBe(201);
      expect(await responseErrors('POST', '/v2/dossiers', 201, res.json())).toEqual([]);
      const { numeroInterne, numeroExterne, etat } = res.json();
      expect(numeroInterne).toBe('OPCO-000001');
      expect(numeroExterne).toMatch(prefix === '' ? /^NORME-2026-/ : /^AKTO-2026-/);
      expect(etat).toBe('TRANSMIS');

      await mock.advance('P5D');
      // AKTO's tokens last an hour on the mock's clock: the client fetches a new one, as GSTAG's does on a 401.
      const lu = await mock.dossier(numeroInterne, prefix, prefix === '' ? HEADERS : await bearer(mock, 'akto'));
      expect(await responseErrors('GET', '/v2/dossiers', 200, lu)).toEqual([]);
      expect(lu.cerfa.numeroInterne).toBe(numeroInterne);
      expect(lu.cerfa.etat).toBe('ENGAGE');
      expect(lu.cerfa.numeroDeca).toMatch(DECA);
      expect(lu.cerfa.apprenti.adresse.adresse1).toBe('5 rue des Lilas');
      expect(lu.engagement).toBeGreaterThan(0);
      expect(lu.echeances.length).toBeGreaterThan(0);
      // Dates as the profile writes them: AKTO's read model carries date-times (GSTAG's fixture), the norm plain dates.
      expect(lu.cerfa.apprenti.dateNaissance).toBe(prefix === '' ? '2006-03-14' : '2006-03-14T00:00:00Z');
      expect(lu.echeances[0].dateOuverture).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // Every member sent is read back (dates aside).
      for (const path of MEMBRES_WIRE_FORMAT.filter((p) => !/date/i.test(p) && p !== 'contrat.remunerationsAnnuelles')) {
        expect(at(lu.cerfa, path), path).toEqual(at(corpsComplet().cerfa, path));
      }
    });
  }
});

describe('where numeroInterne travels', () => {
  it('accepts it in cerfa, at the root beside cerfa, or nowhere (the OPCO assigns one, per CFA and OPCO)', async () => {
    mock = await startTestMock();
    const inCerfa = await mock.call('POST', '/v2/dossiers', depotCerfa('W-CERFA'));
    expect(inCerfa.json()).toMatchObject({ numeroInterne: 'W-CERFA', etat: 'TRANSMIS' });
    const { cerfa } = depotCerfa('', { nom: 'RACINE' });
    delete (cerfa as { numeroInterne?: string }).numeroInterne;
    const atRoot = await mock.call('POST', '/v2/dossiers', { numeroInterne: 'W-RACINE', cerfa });
    expect(atRoot.statusCode, atRoot.body).toBe(201);
    expect(atRoot.json().numeroInterne).toBe('W-RACINE');
    expect((await mock.dossier('W-RACINE')).cerfa.numeroInterne).toBe('W-RACINE');
    const nowhere = await mock.call('POST', '/v2/dossiers', { cerfa: { ...cerfa, apprenti: { ...cerfa.apprenti, nom: 'SANS' } } });
    expect(nowhere.statusCode, nowhere.body).toBe(201);
    expect(nowhere.json().numeroInterne).toBe('OPCO-000001');
    expect((await mock.dossier('OPCO-000001')).cerfa.apprenti.nom).toBe('SANS');
    // A number the CFA chose itself in that form is skipped, never given twice.
    expect((await mock.call('POST', '/v2/dossiers', depotCerfa('OPCO-000002', { nom: 'PRIS' }))).statusCode).toBe(201);
    const next = await mock.call('POST', '/v2/dossiers', { cerfa: { ...cerfa, apprenti: { ...cerfa.apprenti, nom: 'SUIVANT' } } });
    expect(next.json().numeroInterne).toBe('OPCO-000003');
  });

  it('refuses two different numbers (400 naming numeroInterne) and a CERFA outside the wrapper (400 naming cerfa)', async () => {
    mock = await startTestMock();
    const both = await mock.call('POST', '/v2/dossiers', { ...depotCerfa('W-A'), numeroInterne: 'W-B' });
    expect(both.statusCode).toBe(400);
    expect(both.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(both.json().errors).toEqual([expect.objectContaining({ code: 'NUMERO_INTERNE_CONTRADICTOIRE', champ: 'numeroInterne' })]);
    const same = await mock.call('POST', '/v2/dossiers', { ...depotCerfa('W-A'), numeroInterne: 'W-A' });
    expect(same.statusCode, same.body).toBe(201);
    const bare = await mock.call('POST', '/v2/dossiers', depotCerfa('W-C').cerfa);
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors.map((e: { champ: string }) => e.champ)).toContain('cerfa');
  });

  it('answers rule violations with paths in the body (cerfa.…), and accepts a member the spec does not list', async () => {
    mock = await startTestMock();
    const body = depotCerfa('W-NIR') as any;
    body.cerfa.apprenti.nir = '123';
    const refused = await mock.call('POST', '/v2/dossiers', body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.some((e: { champ: string }) => e.champ === 'cerfa.apprenti.nir')).toBe(true);
    const extra = depotCerfa('W-EXTRA') as any;
    extra.cerfa.apprenti.membreInconnu = 'valeur';
    extra.cerfa.contrat.autreMembre = { a: 1 };
    const accepted = await mock.call('POST', '/v2/dossiers', extra);
    expect(accepted.statusCode, accepted.body).toBe(201);
    // Reported by a warning rule naming each member, never a blocking refusal.
    const warning = runRules(extra, 'cerfa', { today: '2026-01-16' }).find((f) => f.rule.id === 'cerfa-membre-non-prevu');
    expect(warning?.rule.severity).toBe('avertissement');
    expect(warning?.result.outcome === 'fail' && warning.result.violations.map((v) => v.path).sort()).toEqual(['cerfa.apprenti.membreInconnu', 'cerfa.contrat.autreMembre']);
  });
});

describe('wire quirks of the profiles (mocks/profiles.yaml)', () => {
  const config = (opcos: Record<string, object>) => ({
    admin: { token: DEMO.adminToken },
    opcos: { akto: { clients: [DEMO.client] }, ...opcos },
    cfas: [{ siret: DEMO.siret, denomination: 'CFA', keys: { '*': DEMO.apiKey }, iban: DEMO.iban }],
  });

  it('answers 200 to a deposit where the profile says so, 201 by default', async () => {
    mock = await startTestMock({ config: config({ mobilites: { depotStatus: 200 } }) as never });
    expect((await mock.call('POST', '/mobilites/v2/dossiers', depotCerfa('Q-200'))).statusCode).toBe(200);
    expect((await mock.call('POST', '/opcommerce/v2/dossiers', depotCerfa('Q-201'))).statusCode).toBe(201);
  });

  it('names the employer employeurV2, wraps the etats pages and spells frais natures as words where configured', async () => {
    mock = await startTestMock({ config: config({ mobilites: { employeurV2: true, pageEtatsEnveloppeTableau: true, naturesFraisCasse: 'mots' } }) as never });
    expect((await mock.call('POST', '/mobilites/v2/dossiers', depotCerfa('Q-1'))).statusCode).toBe(201);
    await mock.advance('P5D');
    const convention = JSON.parse(readFileSync(mocksAsset('examples/convention.json'), 'utf8'));
    expect((await mock.call('POST', '/mobilites/v1/conventions', { ...convention, numeroInterneDossier: 'Q-1' })).statusCode).toBe(201);
    const lu = await mock.dossier('Q-1', '/mobilites');
    expect(lu.cerfa.employeur).toBeUndefined();
    expect(lu.cerfa.employeurV2.siret).toBe('42100000100006');
    expect(lu.engagementsFraisAnnexe.map((f: { natureFrais: string }) => f.natureFrais).sort()).toEqual(['Hebergement', 'Premierequipement', 'Restauration']);
    const page = (await mock.call('GET', '/mobilites/v2/dossiers/etats?numeroPage=1')).json();
    expect(Array.isArray(page) && page.length === 1 && page[0].EtatDossierResult[0].numeroInterne).toBe('Q-1');
    // The norm everywhere else.
    expect((await mock.call('GET', '/opcommerce/v2/dossiers/etats')).json()).toMatchObject({ total: 0, EtatDossierResult: [] });
  });

  it('repeats the error detail at the top level: description at Atlas, comment at OPCO EP, nothing by default', async () => {
    mock = await startTestMock();
    const { 'x-api-key': _k, ...sansCle } = HEADERS;
    const atlas = (await mock.call('GET', '/atlas/v2/dossiers/etats', undefined, sansCle)).json();
    expect(atlas).toMatchObject({ status: 401, description: atlas.detail, errors: [{ code: 'CLE_API_ABSENTE' }] });
    const opcoep = (await mock.call('GET', '/opcoep/v1/dossiers?numeroInterne=INCONNU')).json();
    expect(opcoep).toMatchObject({ status: 400, comment: opcoep.detail });
    const norme = (await mock.call('GET', '/v2/dossiers/etats', undefined, sansCle)).json();
    expect(norme).not.toHaveProperty('description');
    expect(norme).not.toHaveProperty('comment');
  });
});

describe('CfaDock routing (GET /api/opcos)', () => {
  it('names the OPCO of an employer and its URL at the mock, without a CFA key', async () => {
    mock = await startTestMock();
    const res = await mock.app.inject({ method: 'GET', url: '/api/opcos?siret=12345678200010', headers: { host: 'mock.test:4010' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ searchStatus: 'OK', opcoName: 'OPCO entreprises de proximité', idcc: 843, url: 'http://mock.test:4010/opcoep' });
    expect(await responseErrors('GET', '/api/opcos', 200, res.json())).toEqual([]);
    const missing = await mock.app.inject({ method: 'GET', url: '/api/opcos' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { champ: string }) => e.champ)).toContain('siret');
  });
});
