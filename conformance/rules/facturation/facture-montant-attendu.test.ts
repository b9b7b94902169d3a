// Tests of facture-montant-attendu: pedagogical + RQTH invoiced = what remains due on the échéance.
import { describe, it, expect } from 'vitest';
import rule from './facture-montant-attendu.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['lignes[0].montantPedagogique'], contexteRequis: true });

describe('facture-montant-attendu', () => {
  it('expects what remains once paid and in-progress amounts are deducted', () => {
    const context = contexteFacturation();
    const e1 = context.dossiers![0]!.echeances[0]!;
    e1.montantRegle = 1000;
    e1.montantEnCoursInstruction = 200;
    expect(rule.check(factureValide(), context)).toMatchObject({ outcome: 'fail', violations: [{ expected: expect.stringContaining('2\u202f000,00 €') }] });
    const facture = factureValide();
    facture.lignes[0]!.montantPedagogique = 2000;
    expect(rule.check(facture, context).outcome).toBe('pass');
  });

  it('adds up the lines of one invoice that share an échéance', () => {
    const facture = factureValide();
    const ligne = facture.lignes[0]!;
    ligne.montantPedagogique = 1200;
    facture.lignes.push({ ...structuredClone(ligne), montantPedagogique: 2000, fraisAnnexes: [], montant: 2000 });
    expect(rule.check(facture, contexteFacturation()).outcome).toBe('pass');
  });
});
