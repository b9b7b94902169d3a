// Test support of mocks/variants/variants.test.ts: the probes of the financing variants (issue 14: participation, amorçage, distance).
import { expect } from 'vitest';
import { enveloppeCerfa } from '../../conformance/model/depot-cerfa.js';
import { cerfaFinancement, type ContratFinancement } from '../testdata/financement.js';
import type { TestMock } from '../testdata/harness.js';
import type { Probe } from './sondes-verdicts.js';

const MASTER = { rncp: 'RNCP34034', codeDiplome: '13531205', typeDiplome: 73, intitule: 'Master Management et administration des entreprises' };
const BAC_PRO_SANS_NPEC = { rncp: 'RNCP99952', codeDiplome: '40031299', typeDiplome: 41, intitule: 'Baccalauréat professionnel (certification récente, sans NPEC)' };
const UN_AN = { dateConclusion: '2025-08-20', dateDebutContrat: '2025-09-01', dateFinContrat: '2026-08-31' };

/** The contract deposited on its date of conclusion, decided five days later, read back. */
async function engage(m: TestMock, contrat: ContratFinancement, numeroInterne = 'VAR-FIN-1'): Promise<any> {
  expect((await m.admin('PUT', '/_admin/clock', { now: `${contrat.dateConclusion}T09:00:00Z` })).statusCode).toBe(200);
  const res = await m.call('POST', '/v2/dossiers', enveloppeCerfa(cerfaFinancement(numeroInterne, contrat)));
  expect(res.statusCode, res.body).toBe(201);
  await m.advance('P5D');
  return m.dossier(numeroInterne);
}

const total = (d: any): number => Math.round(d.echeances.reduce((s: number, e: any) => s + Math.round(e.montantTotal * 100), 0)) / 100;

export const SONDES_FINANCEMENT = {
  'participation-non-deduite': {
    // A master without NPEC in the sample référentiel: the level-7 valeur d'amorçage, 7 000 €.
    observe: async (m) => {
      const d = await engage(m, { ...UN_AN, certification: MASTER });
      return { engagement: d.engagement, e1: d.echeances[0].montantTotal };
    },
    clean: (r) => expect(r).toEqual({ engagement: 6250, e1: 2050 }),
    broken: (r) => expect(r).toEqual({ engagement: 7000, e1: 2800 }),
  },
  'participation-rupture-forfait': {
    // Rupture on day 30: 7 000 × 30 / 365 = 575,34 €, half of it (287,67 €) paid by the employer.
    observe: async (m) => {
      const d = await engage(m, { ...UN_AN, certification: MASTER });
      const res = await m.call('POST', '/v2/dossiers/rupture/employeur', { numeroInterne: d.cerfa.numeroInterne, dateRupture: '2025-09-30' });
      expect(res.statusCode, res.body).toBe(200);
      return { etat: res.json().cerfa.etat, total: total(res.json()) };
    },
    clean: (r) => expect(r).toEqual({ etat: 'RUPTURE', total: 287.67 }),
    broken: (r) => expect(r).toEqual({ etat: 'RUPTURE', total: 0 }),
  },
  'amorcage-niveau-unique': {
    observe: async (m) => total(await engage(m, { ...UN_AN, certification: BAC_PRO_SANS_NPEC })),
    clean: (r) => expect(r).toBe(5621),
    broken: (r) => expect(r).toBe(6000),
  },
  'distanciel-non-minore': {
    // The fixture's BTS (7 000 € from 2023-09-08) with 1 080 of its 1 350 hours at distance.
    observe: async (m) => total(await engage(m, { ...UN_AN, heuresDistanciel: 1080 })),
    clean: (r) => expect(r).toBe(5600),
    broken: (r) => expect(r).toBe(7000),
  },
} satisfies Record<string, Probe>;
