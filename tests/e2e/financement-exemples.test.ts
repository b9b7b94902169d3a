// Every worked example of norme.md §2.2–2.4 reproduced to the cent through the mock's HTTP API: deposit on the clock, decision, rupture, read back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enveloppeCerfa } from '../../conformance/model/depot-cerfa.js';
import { bundledReferentiel, type Referentiel } from '../../mocks/engine/referentiel.js';
import { startTestMock, type TestMock } from '../../mocks/testdata/harness.js';
import { cerfaFinancement, type CertificationCerfa, type ContratFinancement } from '../../mocks/testdata/financement.js';

/** Certifications of this test with the annual NPEC of each example (codes of the fixture's BTS, so level 5, or a master). */
const bts = (rncp: string, intitule = `BTS de test ${rncp}`): CertificationCerfa => ({ rncp, codeDiplome: '32031211', typeDiplome: 54, intitule });
const master = (rncp: string): CertificationCerfa => ({ rncp, codeDiplome: '13531205', typeDiplome: 73, intitule: `Master de test ${rncp}` });
const titrePro = (rncp: string): CertificationCerfa => ({ rncp, codeDiplome: '36T32602', typeDiplome: 58, intitule: `Titre professionnel de test ${rncp}` });
const C8000 = bts('RNCP90001');
const C7300 = bts('RNCP90002');
const C6000 = bts('RNCP90003');
const C7000 = bts('RNCP90004');
const C4500 = bts('RNCP90005');
const M6000 = master('RNCP90006');
const DATEE = bts('RNCP90007');
const PLUS_TARD = bts('RNCP90008');
const TP9 = titrePro('RNCP90009');
const SANS_NPEC_5 = bts('RNCP90099');
const SANS_NPEC_7 = master('RNCP90098');

const REFERENTIEL: Referentiel = {
  ...bundledReferentiel(),
  npec: [
    { rncp: C8000.rncp, codeDiplome: 'X1', intitule: C8000.intitule, montant: 8000 },
    { rncp: C7300.rncp, codeDiplome: 'X2', intitule: C7300.intitule, montant: 7300 },
    { rncp: C6000.rncp, codeDiplome: 'X3', intitule: C6000.intitule, montant: 6000 },
    { rncp: C7000.rncp, codeDiplome: 'X4', intitule: C7000.intitule, montant: 7000, dureeMois: 24 },
    { rncp: C4500.rncp, codeDiplome: 'X5', intitule: C4500.intitule, montant: 4500 },
    { rncp: M6000.rncp, codeDiplome: 'X6', intitule: M6000.intitule, montant: 6000 },
    { rncp: DATEE.rncp, codeDiplome: 'X7', intitule: DATEE.intitule, montant: 7500, dateDebut: '2020-01-01' },
    { rncp: DATEE.rncp, codeDiplome: 'X7', intitule: DATEE.intitule, montant: 7000, dateDebut: '2023-09-08' },
    { rncp: PLUS_TARD.rncp, codeDiplome: 'X8', intitule: PLUS_TARD.intitule, montant: 9000, dateDebut: '2024-01-01' },
    { rncp: TP9.rncp, codeDiplome: 'X9', intitule: TP9.intitule, montant: 7000, dureeMois: 9 },
  ],
};

let mock: TestMock;
let n = 0;
beforeAll(async () => {
  mock = await startTestMock({ referentiel: REFERENTIEL });
});
afterAll(async () => mock.close());

const NOMS = ['MARTIN', 'BERNARD', 'THOMAS', 'PETIT', 'ROBERT', 'RICHARD', 'DURAND', 'DUBOIS', 'MOREAU', 'LAURENT', 'SIMON', 'MICHEL'];

/** Sets the clock to the conclusion, deposits the contract, lets the OPCO decide (5 days) and reads the dossier back. */
async function engage(contrat: ContratFinancement): Promise<any> {
  const numero = `FIN-${++n}`;
  await mock.admin('PUT', '/_admin/clock', { now: `${contrat.dateConclusion}T09:00:00Z` });
  const res = await mock.call('POST', '/v2/dossiers', enveloppeCerfa(cerfaFinancement(numero, { nom: NOMS[n % NOMS.length], ...contrat })));
  expect(res.statusCode, res.body).toBe(201);
  await mock.advance('P5D');
  const dossier = await mock.dossier(numero);
  expect(dossier.cerfa.etat, dossier.cerfa.commentaireEtat).toBe('ENGAGE');
  return dossier;
}

/** Declares the rupture (its last day) on the dossier and reads it back. */
async function rompt(dossier: any, dateRupture: string): Promise<any> {
  const res = await mock.call('POST', '/v2/dossiers/rupture/employeur', { numeroInterne: dossier.cerfa.numeroInterne, dateRupture });
  expect(res.statusCode, res.body).toBe(200);
  return mock.dossier(dossier.cerfa.numeroInterne);
}

const montants = (d: any): number[] => d.echeances.map((e: any) => e.montantTotal);
const total = (d: any): number => Math.round(d.echeances.reduce((s: number, e: any) => s + Math.round(e.montantTotal * 100), 0)) / 100;
const deux = (debut: string, fin: string, conclusion: string) => ({ dateConclusion: conclusion, dateDebutContrat: debut, dateFinContrat: fin });

describe('§2.3 échéancier, daily prorata (contracts concluded from 2025-07-01)', () => {
  it('29/08/2025 – 02/09/2026 at 8 000 €/year: 370 days → 8 109,59 €', async () => {
    const d = await engage({ ...deux('2025-08-29', '2026-09-02', '2025-08-20'), certification: C8000 });
    expect(total(d)).toBe(8109.59);
    expect(d.engagement).toBe(8109.59);
    expect(montants(d)).toEqual([3200, 2400, 1600, 800, 43.84, 32.88, 21.92, 10.95]);
    expect(d.echeances.slice(0, 4).map((e: any) => e.dateOuverture.slice(0, 10))).toEqual(['2025-08-29', '2026-02-28', '2026-05-29', '2026-08-28']);
  });

  it('a full leap contract year (366 days) is exactly the annual amount', async () => {
    const d = await engage({ ...deux('2027-09-01', '2028-08-31', '2027-08-01'), certification: C8000 });
    expect(montants(d)).toEqual([3200, 2400, 1600, 800]);
  });

  it('182 days inside a 366-day contract year: 8 000 × 182 / 366 = 3 978,14 € (rupture on 29/02/2028)', async () => {
    const d = await engage({ ...deux('2027-09-01', '2029-08-31', '2027-08-02'), certification: C8000, nom: 'LEFEBVRE' });
    expect(total(d)).toBe(16000);
    expect(total(await rompt(d, '2028-02-29'))).toBe(3978.14);
  });

  it('one single day: 8 000 / 365 = 21,92 € (rupture on the first day)', async () => {
    const d = await engage({ ...deux('2025-09-01', '2026-08-31', '2025-08-20'), certification: C8000, nom: 'LEROY' });
    const apres = await rompt(d, '2025-09-01');
    expect(total(apres)).toBe(21.92);
    expect(apres.engagement).toBe(21.92);
  });

  it('12 months + 3 days = 368 days at 7 300 €: the 3 days are 3/365 of the NPEC (60 €)', async () => {
    const d = await engage({ ...deux('2025-09-01', '2026-09-03', '2025-08-21'), certification: C7300 });
    expect(total(d)).toBe(7360);
    expect(montants(d).slice(4)).toEqual([24, 18, 12, 6]);
  });
});

describe('§2.3 échéancier before 2025-07-01', () => {
  it('28 Sep 2023 → 3 Oct 2024 is financed on 13 months (every started month is due), 40/30/30', async () => {
    const d = await engage({ ...deux('2023-09-28', '2024-10-03', '2023-09-15'), certification: C6000 });
    expect(total(d)).toBe(6500);
    expect(montants(d)).toEqual([2400, 1800, 1800, 200, 150, 150]);
  });

  it('a contract concluded in 2020: 50 % at the start, 25 % at the 7th month, 25 % at the 10th, every year', async () => {
    const d = await engage({ ...deux('2020-09-01', '2022-08-31', '2020-08-20'), certification: C7000, nom: 'GARCIA' });
    expect(montants(d)).toEqual([3500, 1750, 1750, 3500, 1750, 1750]);
    expect(d.echeances.slice(0, 3).map((e: any) => e.dateOuverture.slice(0, 10))).toEqual(['2020-09-01', '2021-03-01', '2021-06-01']);
  });
});

describe('§2.4 rupture and §2.2 reduced duration', () => {
  it('rupture after 9 months at 7 000 €/year → 5 250 € (financing follows the contract)', async () => {
    const d = await engage({ ...deux('2023-09-01', '2025-08-31', '2023-08-20'), certification: C7000, nom: 'ROUX' });
    const apres = await rompt(d, '2024-05-31');
    expect(total(apres)).toBe(5250);
    expect(apres.echeances.map((e: any) => [e.numero, e.montantTotal, e.dateOuverture.slice(0, 10)])).toEqual([
      [1, 2800, '2023-09-01'],
      [2, 2100, '2024-03-01'],
      [3, 350, '2024-05-31'],
    ]);
  });

  it('reduced duration: 7 000 € on 9 months → 5 250 € → +10 % = 5 775 €, 50 % at the start and the balance at the end', async () => {
    const d = await engage({ ...deux('2023-09-01', '2024-05-31', '2023-08-21'), certification: C7000, nom: 'FOURNIER' });
    expect(d.echeances.map((e: any) => [e.montantTotal, e.dateOuverture.slice(0, 10)])).toEqual([
      [2887.5, '2023-09-01'],
      [2887.5, '2024-05-31'],
    ]);
  });

  it('no majoration for a titre professionnel whose cycle is under one year', async () => {
    const d = await engage({ ...deux('2023-09-01', '2024-05-31', '2023-08-22'), certification: TP9 });
    expect(total(d)).toBe(5250);
  });
});

describe('§2.2 majorations and minorations', () => {
  it('RQTH: 4 000 € a year more, scheduled like the NPEC and shown apart', async () => {
    const d = await engage({ ...deux('2025-09-01', '2027-08-31', '2025-08-22'), certification: C8000, handicap: true, nom: 'GIRARD' });
    expect(total(d)).toBe(24000);
    expect(d.echeances[0]).toMatchObject({ montantTotal: 4800, montantPedagogique: 3200, montantMajorationRQTH: 1600 });
  });

  it('≥ 80 % at distance (1 080 h of 1 350 h) from 2025-07-01: −20 %; 1 079 h: none; before July 2025: none', async () => {
    const distance = await engage({ ...deux('2025-09-01', '2026-08-31', '2025-08-23'), certification: C7000, heuresDistanciel: 1080, nom: 'BONNET' });
    expect(total(distance)).toBe(5600);
    const presque = await engage({ ...deux('2025-09-01', '2026-08-31', '2025-08-24'), certification: C7000, heuresDistanciel: 1079, nom: 'DUPONT' });
    expect(total(presque)).toBe(7000);
    const avant = await engage({ ...deux('2025-07-01', '2026-06-30', '2025-06-20'), certification: C7000, heuresDistanciel: 1080, nom: 'LAMBERT' });
    expect(total(avant)).toBe(7000);
  });

  it('the distance minoration never goes under 4 000 €: 4 500 € → 4 000 €', async () => {
    const d = await engage({ ...deux('2025-09-01', '2026-08-31', '2025-08-25'), certification: C4500, heuresDistanciel: 1200 });
    expect(total(d)).toBe(4000);
  });
});

describe('§2.2 employer participation (level ≥ 6, contracts concluded from 2025-07-01)', () => {
  it('6 000 € for a master: 750 € off the first payment, 5 250 € committed, E1 1 650 €', async () => {
    const d = await engage({ ...deux('2025-09-01', '2026-08-31', '2025-08-20'), certification: M6000 });
    expect(d.engagement).toBe(5250);
    expect(montants(d)).toEqual([1650, 1800, 1200, 600]);
  });

  it('only the first year: 11 250 € over two years', async () => {
    const d = await engage({ ...deux('2025-09-01', '2027-08-31', '2025-08-21'), certification: M6000, nom: 'FONTAINE' });
    expect(total(d)).toBe(11250);
    expect(montants(d)).toEqual([1650, 1800, 1200, 600, 2400, 1800, 1200, 600]);
  });

  it('200 € for a new contract with another employer after a rupture (CERFA type 23)', async () => {
    const d = await engage({ ...deux('2025-09-01', '2026-08-31', '2025-08-22'), certification: M6000, typeContratApp: 23, nom: 'ROUSSEAU' });
    expect(montants(d)).toEqual([2200, 1800, 1200, 600]);
  });

  it('nothing before 1 July 2025, nothing below level 6', async () => {
    expect(total(await engage({ ...deux('2025-07-01', '2026-06-30', '2025-06-30'), certification: M6000, nom: 'VINCENT' }))).toBe(6000);
    expect(total(await engage({ ...deux('2025-09-01', '2026-08-31', '2025-08-26'), certification: C6000, nom: 'MULLER' }))).toBe(6000);
  });

  it('rupture on day 30 (probatory period): 50 % of 6 000 × 30 / 365 = 246,58 € for the employer, 246,57 € for the OPCO', async () => {
    const d = await engage({ ...deux('2025-09-01', '2027-08-31', '2025-08-23'), certification: M6000, nom: 'LEFEVRE' });
    const apres = await rompt(d, '2025-09-30');
    expect(total(apres)).toBe(246.57);
    expect(apres.cerfa.etat).toBe('RUPTURE');
  });

  it('rupture on day 46: the flat 750 € stays deducted (6 000 × 46 / 365 = 756,16 € − 750 €)', async () => {
    const d = await engage({ ...deux('2025-09-01', '2027-08-31', '2025-08-24'), certification: M6000, nom: 'FAURE' });
    expect(total(await rompt(d, '2025-10-16'))).toBe(6.16);
  });
});

describe('§2.1 NPEC in force at the date of conclusion, else the valeur d’amorçage of the level', () => {
  it('a dated NPEC: 7 500 € for a contract concluded the day before the revision, 7 000 € from it', async () => {
    expect(total(await engage({ ...deux('2023-09-18', '2024-09-17', '2023-09-07'), certification: DATEE, nom: 'ANDRE' }))).toBe(7500);
    expect(total(await engage({ ...deux('2023-09-19', '2024-09-18', '2023-09-08'), certification: DATEE, nom: 'MERCIER' }))).toBe(7000);
  });

  it("an NPEC set only later: the valeur d'amorçage of the level at the conclusion (level 5: 6 000 €)", async () => {
    expect(total(await engage({ ...deux('2024-01-02', '2025-01-01', '2023-12-15'), certification: PLUS_TARD, nom: 'BLANC' }))).toBe(6000);
    expect(total(await engage({ ...deux('2024-01-03', '2025-01-02', '2024-01-01'), certification: PLUS_TARD, nom: 'GUERIN' }))).toBe(9000);
  });

  it("no NPEC: the level's valeur d'amorçage in force at the conclusion (arrêté of 31 August 2022 from 2022-09-01)", async () => {
    expect(total(await engage({ ...deux('2022-09-05', '2023-09-04', '2022-08-31'), certification: SANS_NPEC_5, nom: 'BOYER' }))).toBe(7600);
    expect(total(await engage({ ...deux('2022-09-06', '2023-09-05', '2022-09-01'), certification: SANS_NPEC_5, nom: 'GARNIER' }))).toBe(6000);
    // Level 7 from 2025-07-01: 7 000 € less the employer participation.
    expect(total(await engage({ ...deux('2025-09-01', '2026-08-31', '2025-08-27'), certification: SANS_NPEC_7, nom: 'CHEVALIER' }))).toBe(6250);
  });
});
