// Tests of facture-frais-annexes-calcul: a frais annexe is quantity × unit price.
import { describe, it, expect } from 'vitest';
import rule from './facture-frais-annexes-calcul.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testPlantSansFrais, testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['lignes[0].fraisAnnexes[0].montant'] });

describe('facture-frais-annexes-calcul', () => {
  it('computes in cents (3 × 0,10 € = 0,30 €)', () => {
    const facture = factureValide();
    facture.lignes[0]!.fraisAnnexes = [{ nature: 'RESTAURATION', quantite: 3, prixUnitaire: 0.1, montant: 0.3 }];
    expect(rule.check(facture, {}).outcome).toBe('pass');
  });

  testPlantSansFrais(rule);
});
