// The lifecycle deadlines on the mock's clock: decision within the profile's deadline (silence = REFUSE), a contract never started cancelled, 2019 contracts.
import { afterEach, describe, expect, it } from 'vitest';
import { enveloppeCerfa } from '../../conformance/model/depot-cerfa.js';
import { startTestMock, type TestMock } from '../testdata/harness.js';
import { certificatFor, factureFor, validCerfa } from '../testdata/fixtures.js';
import { demoConfig } from '../tenants.js';
import { libelleDuree } from './views.js';

const opened: TestMock[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((m) => m.close()));
});

/** A mock on 2026-01-16 (the fixture's contract runs 2026-01-15 → 2028-01-14, concluded 2026-01-10). */
async function mock(norme: Record<string, unknown> = {}, delais?: Record<string, string>): Promise<TestMock> {
  const m = await startTestMock({ config: { ...demoConfig(), opcos: { norme }, ...(delais ? { delais } : {}) } });
  opened.push(m);
  return m;
}

async function depose(m: TestMock, cerfa = validCerfa('CYC-1')): Promise<void> {
  const res = await m.call('POST', '/v2/dossiers', enveloppeCerfa(cerfa));
  expect(res.statusCode, res.body).toBe(201);
}

const etat = async (m: TestMock) => (await m.dossier('CYC-1')).cerfa as { etat: string; commentaireEtat: string | null; numeroDeca: string | null };
const today = async (m: TestMock): Promise<string> => ((await m.admin('GET', '/_admin/clock')).json().now as string).slice(0, 10);

describe('decision deadline (CDV-15/16)', () => {
  it('decides within the 20 days of the norm profile: ENGAGE from day 5, still on day 20', async () => {
    const m = await mock();
    await depose(m);
    await m.advance('P20D');
    expect(await etat(m)).toMatchObject({ etat: 'ENGAGE', commentaireEtat: null });
  });

  it('reads the silence of a slow OPCO as a refusal at its deadline, with the reason, and keeps it', async () => {
    const m = await mock({ delaiDecision: 'P30D' });
    await depose(m);
    await m.advance('P19D');
    expect((await etat(m)).etat).toBe('EN_COURS_INSTRUCTION');
    await m.advance('P1D');
    expect(await etat(m)).toMatchObject({ etat: 'REFUSE', numeroDeca: null, commentaireEtat: expect.stringMatching(/^Refus implicite : aucune décision de l'OPCO dans le délai de 20 jours/) });
    await m.advance('P30D');
    expect((await etat(m)).etat).toBe('REFUSE');
    const listed = (await m.call('GET', '/v2/dossiers/etats?numeroPage=1')).json().EtatDossierResult[0];
    expect(listed).toMatchObject({ numeroInterne: 'CYC-1', etat: 'REFUSE', numeroDeca: null });
  });

  it('takes the deadline from the profile, and a config decision delay past it is silence too', async () => {
    const m = await mock({ delaiDecisionMaximal: 'P10D' }, { decision: 'P15D' });
    await depose(m);
    await m.advance('P10D');
    expect(await etat(m)).toMatchObject({ etat: 'REFUSE', commentaireEtat: expect.stringContaining('10 jours') });
    const sans = await mock({ delaiDecisionMaximal: undefined }, { decision: 'P30D' });
    await depose(sans);
    await sans.advance('P29D');
    expect((await etat(sans)).etat).toBe('EN_COURS_INSTRUCTION');
  });

  it('words durations in French', () => {
    expect([libelleDuree('P20D'), libelleDuree('P3M'), libelleDuree('P1Y1D'), libelleDuree('PT5H')]).toEqual(['20 jours', '3 mois', '1 an 1 jour', 'PT5H']);
  });
});

describe('contrat non commencé (seed 003)', () => {
  it('cancels an engaged contract with no sign of execution three months after its start, with the reason', async () => {
    const m = await mock();
    await m.admin('PUT', '/_admin/clock', { now: '2026-01-12T09:00:00Z' }); // sent before its start, 2026-01-15
    await depose(m);
    await m.advance('P5D');
    const engage = await m.dossier('CYC-1');
    expect(engage.cerfa.etat).toBe('ENGAGE');
    await m.advance('P2M28D'); // 2026-04-14: the day before
    expect((await etat(m)).etat).toBe('ENGAGE');
    await m.advance('P1D');
    const lu = await m.dossier('CYC-1');
    expect(lu.cerfa).toMatchObject({ etat: 'ANNULE', numeroDeca: null, commentaireEtat: expect.stringMatching(/contrat non commencé .*3 mois après la date de début du 2026-01-15/) });
    expect(lu.echeances).toEqual([]);
    // Cancelled: its invoices are refused (no longer engaged).
    const facture = await m.call('POST', '/v2/factures', factureFor(engage, 'FAC-X', 1, await today(m)));
    expect(facture.statusCode).toBe(400);
  });

  it('keeps a contract whose first avance was invoiced, or whose certificat de réalisation came in time', async () => {
    const m = await mock();
    await depose(m);
    await m.advance('P5D');
    const d = await m.dossier('CYC-1');
    expect((await m.call('POST', '/v2/factures', factureFor(d, 'FAC-1', 1, await today(m)))).statusCode).toBe(201);
    await m.advance('P1Y');
    expect((await etat(m)).etat).toBe('ENGAGE');

    const c = await mock();
    await depose(c);
    await c.advance('P1M');
    const dc = await c.dossier('CYC-1');
    expect((await c.call('POST', '/v2/certificats', certificatFor(dc, 'FAC-1', 1, await today(c)))).statusCode).toBe(201);
    await c.advance('P1Y');
    expect((await etat(c)).etat).toBe('ENGAGE');
  });

  it('counts the delay from the receipt for a contract sent after it started, and never with a profile without delay', async () => {
    const m = await mock();
    const tard = validCerfa('CYC-1');
    await m.admin('PUT', '/_admin/clock', { now: '2026-06-01T09:00:00Z' });
    await depose(m, tard);
    await m.advance('P2M');
    expect((await etat(m)).etat).toBe('ENGAGE');
    await m.advance('P1M');
    expect(await etat(m)).toMatchObject({ etat: 'ANNULE', commentaireEtat: expect.stringContaining('après la réception du dossier le 2026-06-01') });

    const jamais = await mock({ delaiAnnulationNonCommence: undefined });
    await depose(jamais);
    await jamais.advance('P2Y');
    expect((await etat(jamais)).etat).toBe('ENGAGE');
  });
});

describe('contracts concluded before 2020 (seed 003)', () => {
  it('are deposited and engaged with the first regime’s schedule, and their invoices refused with the FAQ’s reason', async () => {
    const m = await mock();
    const cerfa = validCerfa('CYC-1');
    cerfa.contrat.dateConclusion = '2019-12-16';
    cerfa.apprenti.apprentiMineurNonEmancipe = false;
    await depose(m, cerfa);
    await m.advance('P5D');
    const d = await m.dossier('CYC-1');
    expect(d.cerfa.etat).toBe('ENGAGE');
    // 50/25/25 per year, as a contract concluded on 2020-01-01.
    const annee = d.echeances.filter((e: { dateDebut: string }) => e.dateDebut === d.echeances[0].dateDebut);
    const total = annee.reduce((s: number, e: { montantTotal: number }) => s + e.montantTotal, 0);
    expect(annee.map((e: { montantTotal: number }) => Math.round((e.montantTotal / total) * 100))).toEqual([50, 25, 25]);
    const res = await m.call('POST', '/v2/factures', factureFor(d, 'FAC-2019', 1, await today(m)));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ code: 'CONTRAT_ANTERIEUR_2020', description: 'Seuls les contrats conclus à partir du 01/01/2020 peuvent être facturés' })]);
  });
});

describe('service fait of a balance (FIN-22)', () => {
  it('refuses the balance until a certificat de réalisation of its period is received, then accepts it', async () => {
    const m = await mock();
    await depose(m);
    await m.advance('P5D');
    expect((await m.call('POST', '/v2/factures', factureFor(await m.dossier('CYC-1'), 'FAC-E1', 1, await today(m)))).statusCode).toBe(201);
    await m.advance('P1Y'); // E4, the first year's 10 %, opened on 2027-01-14
    const d = await m.dossier('CYC-1');
    const refus = await m.call('POST', '/v2/factures', factureFor(d, 'FAC-E4', 4, await today(m)));
    expect(refus.statusCode).toBe(400);
    expect(refus.json().errors).toEqual([expect.objectContaining({ code: 'SOLDE_SANS_SERVICE_FAIT', champ: 'lignes[0].numeroEcheance' })]);
    expect((await m.call('POST', '/v2/certificats', certificatFor(d, 'FAC-E4', 4, await today(m)))).statusCode).toBe(201);
    expect((await m.call('POST', '/v2/factures', factureFor(d, 'FAC-E4', 4, await today(m)))).statusCode).toBe(201);
  });

  it('keeps the certificat embedded in an accepted invoice as received', async () => {
    const m = await mock();
    await depose(m);
    await m.advance('P5D');
    const d = await m.dossier('CYC-1');
    expect((await m.call('POST', '/v2/factures', factureFor(d, 'FAC-E1', 1, await today(m), { certificat: true }))).statusCode).toBe(201);
    const pieces = await m.store.listPieces({ opco: 'norme', cfa: d.echeances[0].siret }, 'CYC-1');
    expect(pieces.map((p) => [p.kind, (p.body as { echeance: { numero: number } }).echeance.numero])).toEqual([['certificat', 1]]);
  });
});
