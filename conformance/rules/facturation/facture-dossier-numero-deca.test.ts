// Tests of facture-dossier-numero-deca: only engaged dossiers with a DECA number are invoiced.
import { describe, it, expect } from 'vitest';
import rule from './facture-dossier-numero-deca.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['lignes[0].numeroInterneDossier'], contexteRequis: true });

describe('facture-dossier-numero-deca', () => {
  it('accepts a broken contract and refuses one under instruction', () => {
    const context = contexteFacturation();
    context.dossiers![0]!.cerfa.etat = 'RUPTURE';
    expect(rule.check(factureValide(), context).outcome).toBe('pass');
    context.dossiers![0]!.cerfa.etat = 'EN_COURS_INSTRUCTION';
    expect(rule.check(factureValide(), context)).toMatchObject({ outcome: 'fail', violations: [{ received: expect.stringContaining('EN_COURS_INSTRUCTION') }] });
  });
});
