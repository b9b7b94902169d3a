// Tests of facture-solde-hors-delai: a balance invoiced more than four months after the contract's end is refused.
import { describe, it, expect } from 'vitest';
import rule from './facture-solde-hors-delai.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';
import type { RuleContext } from '../rule.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['lignes[0].numeroEcheance'], contexteRequis: true });

function soldeEnRetard() {
  return rule.plant(factureValide(), contexteFacturation()) as { payload: ReturnType<typeof factureValide>; context: RuleContext };
}

describe('facture-solde-hors-delai', () => {
  it('counts four months from the contract end (2027-08-31): the last day is 2027-12-31', () => {
    const { payload, context } = soldeEnRetard();
    expect(context.today).toBe('2028-01-01');
    expect(rule.check(payload, { ...context, today: '2027-12-31' }).outcome).toBe('pass');
    const result = rule.check(payload, context);
    expect(rule.code).toBe('SOLDE_HORS_DELAI');
    expect(result).toMatchObject({ outcome: 'fail', violations: [{ received: 'solde E4 transmis le 2028-01-01', message: expect.stringMatching(/plus de 4 mois après la fin du contrat \(2027-08-31\)/) }] });
  });

  it('counts from the rupture date when the contract was broken off', () => {
    const { payload, context } = soldeEnRetard();
    const rompu = structuredClone(context);
    Object.assign(rompu.dossiers![0]!.cerfa.contrat, { dateRupture: '2027-01-31' });
    expect(rule.check(payload, { ...rompu, today: '2027-05-31' }).outcome).toBe('pass');
    expect(rule.check(payload, { ...rompu, today: '2027-06-01' }).outcome).toBe('fail');
  });

  it('leaves the avances and contracts concluded before 2025-07-01 alone, and needs today', () => {
    const { payload, context } = soldeEnRetard();
    const ancien = structuredClone(context);
    ancien.dossiers![0]!.cerfa.contrat.dateConclusion = '2025-06-30';
    expect(rule.check(payload, ancien).outcome).toBe('pass');
    expect(rule.check(factureValide(), { ...contexteFacturation(), today: '2030-01-01' }).outcome).toBe('pass');
    const { today: _t, ...sansJour } = context;
    expect(rule.check(payload, sansJour).outcome).toBe('skip');
  });
});
