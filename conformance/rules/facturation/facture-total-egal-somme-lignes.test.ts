// Tests of facture-total-egal-somme-lignes: the invoice total is the sum of its lines.
import { describe, it, expect } from 'vitest';
import rule from './facture-total-egal-somme-lignes.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['montantTotal'] });

describe('facture-total-egal-somme-lignes', () => {
  it('sums to the cent (0,10 + 0,20 = 0,30)', () => {
    const facture = factureValide();
    const ligne = facture.lignes[0]!;
    facture.lignes = [{ ...ligne, montant: 0.1 }, { ...ligne, montant: 0.2 }];
    facture.montantTotal = 0.3;
    expect(rule.check(facture, {}).outcome).toBe('pass');
  });
});
