// serveur-echeancier-repartition on read models: each regime and prorata, and the employer participation deducted from E1 (or not).
import { describe, expect, it } from 'vitest';
import type { Echange } from '../../model/payloads.js';
import type { Echeance } from '../../model/dossier.js';
import { computeEcheancier, type EcheancierInput } from '../../financing/index.js';
import rule from './serveur-echeancier-repartition.js';

const IBAN = 'FR7630006000011234567890189';
const SIRET = '85300000800005';

interface Cas {
  contrat: { dateConclusion: string; dateDebutContrat: string; dateFinContrat: string; typeContratApp?: number };
  typeDiplome?: number;
  echeances: Echeance[];
}

function lecture({ contrat, typeDiplome, echeances }: Cas): Echange {
  const formation = typeDiplome === undefined ? {} : { typeDiplome, dureeFormation: 1350 };
  return {
    scenario: 'test',
    step: 'lecture-engage',
    request: { method: 'GET', path: '/v2/dossiers?numeroInterne=A', headers: {} },
    response: { status: 200, headers: {}, body: { cerfa: { numeroInterne: 'A', etat: 'ENGAGE', contrat, formation }, echeances }, schemaErrors: [] },
    expected: { regles: [rule.id] },
  };
}

const echeancier = (contrat: Cas['contrat'], npecAnnuel: number, over: Partial<EcheancierInput> = {}): Echeance[] =>
  computeEcheancier({ ...contrat, npecAnnuel, iban: IBAN, siret: SIRET, ...over });
const outcome = (cas: Cas): string => rule.check(lecture(cas), {}).outcome;

const MASTER_2025 = { dateConclusion: '2025-08-20', dateDebutContrat: '2025-09-01', dateFinContrat: '2027-08-31' };

describe('serveur-echeancier-repartition: employer participation (FIN-13, FIN-14, FIN-16)', () => {
  it('a level 7 contract from 2025-07-01 at 6 000 €: E1 is 2 400 − 750 = 1 650 €', () => {
    const echeances = echeancier(MASTER_2025, 6000, { participationEmployeur: 750 });
    expect(echeances[0]!.montantTotal).toBe(1650);
    expect(outcome({ contrat: MASTER_2025, typeDiplome: 73, echeances })).toBe('pass');
  });

  it('fails the same contract committed without the participation, or with it on the last échéance', () => {
    expect(outcome({ contrat: MASTER_2025, typeDiplome: 73, echeances: echeancier(MASTER_2025, 6000) })).toBe('fail');
    const surLaDerniere = echeancier(MASTER_2025, 6000).map((e, i, l) => (i === l.length - 1 ? { ...e, montantPedagogique: e.montantPedagogique - 750, montantTotal: e.montantTotal - 750 } : e));
    expect(outcome({ contrat: MASTER_2025, typeDiplome: 73, echeances: surLaDerniere })).toBe('fail');
  });

  it('no participation below level 6 or before 2025-07-01', () => {
    expect(outcome({ contrat: MASTER_2025, typeDiplome: 54, echeances: echeancier(MASTER_2025, 6000) })).toBe('pass');
    expect(outcome({ contrat: MASTER_2025, typeDiplome: 54, echeances: echeancier(MASTER_2025, 6000, { participationEmployeur: 750 }) })).toBe('fail');
    const avant = { dateConclusion: '2025-06-30', dateDebutContrat: '2025-09-01', dateFinContrat: '2027-08-31' };
    expect(outcome({ contrat: avant, typeDiplome: 73, echeances: echeancier(avant, 6000) })).toBe('pass');
    expect(outcome({ contrat: avant, typeDiplome: 73, echeances: echeancier(avant, 6000, { participationEmployeur: 750 }) })).toBe('fail');
  });

  it('200 € for a new contract with another employer after a rupture (type 23)', () => {
    const contrat = { ...MASTER_2025, typeContratApp: 23 };
    expect(outcome({ contrat, typeDiplome: 62, echeances: echeancier(contrat, 6000, { participationEmployeur: 200 }) })).toBe('pass');
    expect(outcome({ contrat, typeDiplome: 62, echeances: echeancier(contrat, 6000, { participationEmployeur: 750 }) })).toBe('fail');
  });

  it('keeps the RQTH majoration apart from the participation', () => {
    const echeances = echeancier(MASTER_2025, 6000, { participationEmployeur: 750, majorationRQTHAnnuelle: 4000 });
    expect(outcome({ contrat: MASTER_2025, typeDiplome: 73, echeances })).toBe('pass');
  });

  it('without a diploma type read back, accepts the schedule with or without the flat amount', () => {
    expect(outcome({ contrat: MASTER_2025, echeances: echeancier(MASTER_2025, 6000) })).toBe('pass');
    expect(outcome({ contrat: MASTER_2025, echeances: echeancier(MASTER_2025, 6000, { participationEmployeur: 750 }) })).toBe('pass');
  });
});

describe('serveur-echeancier-repartition: regimes and prorata (FIN-01 to FIN-07)', () => {
  it('50/25/25 for a contract concluded in 2020 (FIN-01); 40/30/30 there fails', () => {
    const contrat = { dateConclusion: '2020-08-20', dateDebutContrat: '2020-09-01', dateFinContrat: '2022-08-31' };
    const bon = echeancier(contrat, 7000);
    expect(bon.slice(0, 3).map((e) => e.montantTotal)).toEqual([3500, 1750, 1750]);
    expect(outcome({ contrat, typeDiplome: 54, echeances: bon })).toBe('pass');
    const faux = echeancier({ ...contrat, dateConclusion: '2021-08-20' }, 7000);
    expect(outcome({ contrat, typeDiplome: 54, echeances: faux })).toBe('fail');
  });

  it('every started month due before 2025-07-01: 28/09/2023 → 03/10/2024 on 13 months (FIN-02, FIN-05, FIN-07)', () => {
    const contrat = { dateConclusion: '2023-09-15', dateDebutContrat: '2023-09-28', dateFinContrat: '2024-10-03' };
    const bon = echeancier(contrat, 6000);
    expect(bon.map((e) => e.montantTotal)).toEqual([2400, 1800, 1800, 200, 150, 150]);
    expect(outcome({ contrat, typeDiplome: 54, echeances: bon })).toBe('pass');
    // The same last year prorated by days (6 days of 366) instead of one month.
    const parJours = echeancier({ ...contrat, dateConclusion: '2025-07-15' }, 6000);
    expect(outcome({ contrat, typeDiplome: 54, echeances: parJours })).toBe('fail');
  });

  it('daily prorata from 2025-07-01: 29/08/2025 → 02/09/2026 is 370 days (FIN-03, FIN-06)', () => {
    const contrat = { dateConclusion: '2025-08-20', dateDebutContrat: '2025-08-29', dateFinContrat: '2026-09-02' };
    const bon = echeancier(contrat, 8000);
    expect(outcome({ contrat, typeDiplome: 54, echeances: bon })).toBe('pass');
    const parMois = echeancier({ ...contrat, dateConclusion: '2025-06-20' }, 8000);
    expect(outcome({ contrat, typeDiplome: 54, echeances: parMois })).toBe('fail');
  });

  it('50 % and the balance at the end for a contract under one year before 2025-07-01 (FIN-04)', () => {
    const contrat = { dateConclusion: '2023-08-20', dateDebutContrat: '2023-09-01', dateFinContrat: '2024-05-31' };
    const bon = echeancier(contrat, 7000);
    expect(bon.map((e) => [e.montantTotal, e.dateOuverture])).toEqual([[2625, '2023-09-01'], [2625, '2024-05-31']]);
    expect(outcome({ contrat, typeDiplome: 54, echeances: bon })).toBe('pass');
    const troisParts = echeancier({ ...contrat, dateDebutContrat: '2023-09-01', dateFinContrat: '2024-08-31' }, 5250);
    expect(outcome({ contrat, typeDiplome: 54, echeances: troisParts })).toBe('fail');
  });
});
