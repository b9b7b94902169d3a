// Tests of facture-montant-echeance-attendu: the échéance amount on a line is the OPCO's.
import { describe, it, expect } from 'vitest';
import rule from './facture-montant-echeance-attendu.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['lignes[0].montantEcheance'], contexteRequis: true });

describe('facture-montant-echeance-attendu', () => {
  it('compares to the cent, tolerating float noise', () => {
    const facture = factureValide();
    facture.lignes[0]!.montantEcheance = 3199.999999;
    expect(rule.check(facture, contexteFacturation()).outcome).toBe('pass');
    facture.lignes[0]!.montantEcheance = 3199.99;
    expect(rule.check(facture, contexteFacturation())).toMatchObject({ outcome: 'fail', violations: [{ received: '3\u202f199,99 €' }] });
  });
});
