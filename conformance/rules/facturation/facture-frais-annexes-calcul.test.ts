// Tests of facture-frais-annexes-calcul: a frais annexe is quantity × unit price.
import { describe, it, expect } from 'vitest';
import rule from './facture-frais-annexes-calcul.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { echecs, testRegle } from './support/regle-test.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['lignes[0].fraisAnnexes[0].montant'] });

describe('facture-frais-annexes-calcul', () => {
  it('computes in cents (3 × 0,10 € = 0,30 €)', () => {
    const facture = factureValide();
    facture.lignes[0]!.fraisAnnexes = [{ nature: 'RESTAURATION', quantite: 3, prixUnitaire: 0.1, montant: 0.3 }];
    expect(rule.check(facture, {}).outcome).toBe('pass');
  });

  it('plants on an invoice without frais annexes too, breaking only this rule', () => {
    const facture = factureValide();
    const ligne = facture.lignes[0]!;
    delete ligne.fraisAnnexes;
    ligne.montant = facture.montantTotal = 3200;
    const context = contexteFacturation();
    const planted = rule.plant(facture, context);
    expect(rule.check(planted.payload, planted.context ?? context).outcome).toBe('fail');
    expect(echecs('facture', planted.payload, planted.context ?? context)).toEqual([rule.id]);
  });
});
