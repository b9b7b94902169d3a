// serveur-rupture-montant-prorata on read models: prorata of the rupture year, the participation of a rupture in the probatory period (FIN-08, FIN-15).
import { describe, expect, it } from 'vitest';
import type { Echange } from '../../model/payloads.js';
import type { Echeance } from '../../model/dossier.js';
import { financerContrat, financerRupture, type ContratFinance } from '../../financing/index.js';
import rule, { ECHEANCES_AVANT, ENGAGEMENT_AVANT } from './serveur-rupture-montant-prorata.js';

const contrat = { dateConclusion: '2025-08-20', dateDebutContrat: '2025-09-01', dateFinContrat: '2027-08-31' };
const master: ContratFinance = { ...contrat, npecAnnuel: 6000, niveauCertification: 7, iban: 'FR7630006000011234567890189', siret: '85300000800005' };
const avant = financerContrat(master).echeances;
const total = (l: readonly Echeance[]): number => Math.round(l.reduce((s, e) => s + e.montantTotal * 100, 0)) / 100;

function lecture(dateRupture: string, echeances: Echeance[], champs: Record<string, unknown>, typeDiplome = 73): Echange {
  return {
    scenario: 'test',
    step: 'lecture-rupture',
    request: { method: 'GET', path: '/v2/dossiers?numeroInterne=A', headers: {} },
    response: { status: 200, headers: {}, body: { cerfa: { etat: 'RUPTURE', contrat: { ...contrat, dateRupture }, formation: { typeDiplome, dureeFormation: 1350 } }, echeances }, schemaErrors: [] },
    expected: { regles: [rule.id], champs },
  };
}
const outcome = (e: Echange): string => rule.check(e, {}).outcome;

describe('serveur-rupture-montant-prorata', () => {
  it('rupture on day 30 of a level 7 contract: 6 000 × 30 / 365 = 493,15 €, half paid by the employer (FIN-15)', () => {
    const { echeances, participation } = financerRupture(avant, '2025-09-30', master);
    expect(participation).toEqual({ montant: 246.58, motif: 'rupture-periode-probatoire' });
    expect(total(echeances)).toBe(246.57);
    expect(outcome(lecture('2025-09-30', echeances, { [ECHEANCES_AVANT]: avant }))).toBe('pass');
    expect(outcome(lecture('2025-09-30', echeances, { [ENGAGEMENT_AVANT]: total(avant) }))).toBe('pass');
  });

  it('fails the flat 750 € kept after a rupture in the probatory period', () => {
    const forfait = financerRupture(avant, '2025-09-30', master, undefined, 750).echeances;
    expect(total(forfait)).toBe(0);
    expect(outcome(lecture('2025-09-30', forfait, { [ECHEANCES_AVANT]: avant }))).toBe('fail');
    expect(outcome(lecture('2025-09-30', forfait, { [ENGAGEMENT_AVANT]: total(avant) }))).toBe('fail');
  });

  it('after the probatory period the flat amount stays deducted: rupture at the second échéance (FIN-08)', () => {
    const date = avant[1]!.dateOuverture;
    const { echeances, participation } = financerRupture(avant, date, master);
    expect(participation.motif).toBe('forfait');
    expect(outcome(lecture(date, echeances, { [ECHEANCES_AVANT]: avant }))).toBe('pass');
    expect(outcome(lecture(date, echeances, { [ENGAGEMENT_AVANT]: total(avant) }))).toBe('pass');
    // The rupture year kept whole (no prorata).
    const entiere = avant.filter((e) => e.dateDebut === contrat.dateDebutContrat);
    expect(outcome(lecture(date, entiere, { [ECHEANCES_AVANT]: avant }))).toBe('fail');
  });

  it('reads the NPEC on the échéances the participation does not touch: a commitment that forgot it is prorated alike', () => {
    // The OPCO did not deduct the participation at the commitment but does at the rupture: the rupture is judged alone.
    const sansDeduction = financerContrat(master, undefined, 0).echeances;
    const date = sansDeduction[1]!.dateOuverture;
    const { echeances } = financerRupture(sansDeduction, date, master);
    expect(outcome(lecture(date, echeances, { [ECHEANCES_AVANT]: sansDeduction }))).toBe('pass');
  });

  it('a level 5 contract pays no participation: the probatory rupture is the plain prorata', () => {
    const bts: ContratFinance = { ...master, niveauCertification: 5 };
    const avantBts = financerContrat(bts).echeances;
    const { echeances } = financerRupture(avantBts, '2025-09-30', bts);
    expect(total(echeances)).toBe(493.15);
    expect(outcome(lecture('2025-09-30', echeances, { [ECHEANCES_AVANT]: avantBts }, 54))).toBe('pass');
    expect(outcome(lecture('2025-09-30', financerRupture(avantBts, '2025-09-30', master).echeances, { [ECHEANCES_AVANT]: avantBts }, 54))).toBe('fail');
  });
});
