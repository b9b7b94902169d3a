// Test support of mocks/variants/variants.test.ts: the probes of the variants added for issue 14 (service fait, 2019 contracts, lifecycle, invoice follow-up).
import { expect } from 'vitest';
import { enveloppeCerfa } from '../../conformance/model/depot-cerfa.js';
import { findRule } from '../../conformance/rules/index.js';
import type { Cerfa } from '../../conformance/model/payloads.js';
import { DEMO } from '../tenants.js';
import { factureFor, validCerfa } from '../testdata/fixtures.js';
import type { TestMock } from '../testdata/harness.js';
import type { Probe } from './sondes-verdicts.js';

const codes = (body: any): string[] => (body.errors ?? []).map((e: { code: string }) => e.code);

async function today(m: TestMock): Promise<string> {
  return ((await m.admin('GET', '/_admin/clock')).json().now as string).slice(0, 10);
}

/** VAR-1 deposited on 2026-01-16 and engaged five days later (contract 2026-01-15 → 2028-01-14, 40/30/20/10). */
async function engaged(m: TestMock, cerfa: Cerfa = validCerfa('VAR-1')): Promise<any> {
  const res = await m.call('POST', '/v2/dossiers', enveloppeCerfa(cerfa));
  expect(res.statusCode, res.body).toBe(201);
  await m.advance('P5D');
  return m.dossier('VAR-1');
}

/** Invoices échéance `numero` of VAR-1 as announced (with its certificat when asked): status and body. */
async function invoice(m: TestMock, numero: string, echeance: number, certificat = false): Promise<{ status: number; body: any }> {
  const res = await m.call('POST', '/v2/factures', factureFor(await m.dossier('VAR-1'), numero, echeance, await today(m), { certificat }));
  return { status: res.statusCode, body: res.json() };
}

/** The first avance invoiced (a sign of execution), then the first year's balance E4 invoiced after `attente`. */
async function solde(m: TestMock, attente: string, certificat: boolean): Promise<{ status: number; body: any }> {
  await engaged(m);
  expect((await invoice(m, 'FAC-E1', 1)).status).toBe(201);
  await m.advance(attente);
  return invoice(m, 'FAC-E4', 4, certificat);
}

export const SONDES_CYCLE = {
  'facture-solde-sans-service-fait': {
    // E4 opens at the end of the first contract year (2027-01-14).
    observe: (m) => solde(m, 'P1Y', false),
    clean: (r) => expect({ status: r.status, codes: codes(r.body) }).toEqual({ status: 400, codes: ['SOLDE_SANS_SERVICE_FAIT'] }),
    broken: (r) => expect(r.status).toBe(201),
  },
  'facture-solde-hors-delai-acceptee': {
    // The contract ends on 2028-01-14: on 2028-06-21 the balance is no longer due, certificat or not.
    observe: (m) => solde(m, 'P2Y5M', true),
    clean: (r) => expect({ status: r.status, codes: codes(r.body) }).toEqual({ status: 400, codes: ['SOLDE_HORS_DELAI'] }),
    broken: (r) => expect(r.status).toBe(201),
  },
  'facture-contrat-2019-acceptee': {
    observe: async (m) => {
      const cerfa = validCerfa('VAR-1');
      cerfa.contrat.dateConclusion = '2019-12-16';
      // Aged 15 then: declared not a non-emancipated minor, as the generated CERFAs of adults are.
      cerfa.apprenti.apprentiMineurNonEmancipe = false;
      const d = await engaged(m, cerfa);
      await m.advance('P1M');
      return { etat: d.cerfa.etat, echeances: d.echeances.length, facture: await invoice(m, 'FAC-2019', 1) };
    },
    clean: (r) => {
      expect(r).toMatchObject({ etat: 'ENGAGE', facture: { status: 400 } });
      expect(r.echeances).toBeGreaterThan(0);
      expect(codes(r.facture.body)).toEqual(['CONTRAT_ANTERIEUR_2020']);
    },
    broken: (r) => expect(r).toMatchObject({ etat: 'ENGAGE', facture: { status: 201 } }),
  },
  'non-commence-reste-engage': {
    // Nothing invoiced, certified nor broken off: three months after the start (2026-04-15) the contract is cancelled.
    observe: async (m) => {
      await engaged(m);
      await m.advance('P3M');
      const { etat, commentaireEtat } = (await m.dossier('VAR-1')).cerfa;
      return { etat, commentaireEtat };
    },
    clean: (r) => expect(r).toEqual({ etat: 'ANNULE', commentaireEtat: expect.stringMatching(/contrat non commencé/) }),
    broken: (r) => expect(r).toEqual({ etat: 'ENGAGE', commentaireEtat: null }),
  },
  'facture-rejet-sans-motif': {
    observe: async (m) => {
      const d = await engaged(m);
      const valid = factureFor(d, 'FAC-R1', 1, await today(m));
      const context = { today: await today(m), dossiers: [d], facturesConnues: [], siretsConnus: [DEMO.siret] };
      const planted = findRule('facture-total-egal-somme-lignes')!.plant(valid, context).payload;
      expect((await m.call('POST', '/v2/factures', planted)).statusCode).toBe(400);
      const { etatFacture, commentaire } = (await m.call('GET', '/v2/factures/etats?numeroPage=1')).json().factures[0];
      return { etatFacture, commentaire };
    },
    clean: (r) => expect(r).toEqual({ etatFacture: 'REJETEE', commentaire: expect.stringMatching(/somme des montants des lignes|somme des lignes/) }),
    broken: (r) => expect(r).toEqual({ etatFacture: 'REJETEE', commentaire: null }),
  },
  'reglement-immediat': {
    observe: async (m) => {
      await engaged(m);
      expect((await invoice(m, 'FAC-E1', 1)).status).toBe(201);
      const e1 = (await m.dossier('VAR-1')).echeances[0];
      const etat = (await m.call('GET', '/v2/factures/etats?numeroPage=1')).json().factures[0].etatFacture;
      return { etat, total: e1.montantTotal, regle: e1.montantRegle, enCours: e1.montantEnCoursInstruction };
    },
    clean: (r) => expect(r).toEqual({ etat: 'EN_COURS_INSTRUCTION', total: r.total, regle: 0, enCours: r.total }),
    broken: (r) => expect(r).toEqual({ etat: 'EN_COURS_INSTRUCTION', total: r.total, regle: r.total, enCours: 0 }),
  },
} satisfies Record<string, Probe>;
