// Tests of facture-frais-annexes-plafond: frais annexes within 6 € a night, 3 € a meal, 500 € of first equipment.
import { describe, it, expect } from 'vitest';
import rule from './facture-frais-annexes-plafond.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testPlantSansFrais, testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['lignes[0].fraisAnnexes[0].prixUnitaire',  'lignes[0].fraisAnnexes[0].montant'] });

describe('facture-frais-annexes-plafond', () => {
  it('judges the caps without any context', () => {
    expect(rule.check(factureValide(), {}).outcome).toBe('pass');
    const planted = rule.plant(factureValide(), {});
    expect(rule.check(planted.payload, {}).outcome).toBe('fail');
  });

  it('caps the first equipment per contract, across the lines of one invoice', () => {
    const facture = factureValide();
    const ligne = facture.lignes[0]!;
    facture.lignes.push({ ...structuredClone(ligne), numeroEcheance: 2, fraisAnnexes: [{ nature: 'PREMIER_EQUIPEMENT', quantite: 1, prixUnitaire: 100, montant: 100 }] });
    const result = rule.check(facture, {});
    expect(result).toMatchObject({ outcome: 'fail', violations: [{ path: 'lignes[1].fraisAnnexes[0].montant', received: '550,00 €' }] });
  });

  it('has no national cap on international mobility', () => {
    const facture = factureValide();
    facture.lignes[0]!.fraisAnnexes = [{ nature: 'MOBILITE_INTERNATIONALE', quantite: 1, prixUnitaire: 2000, montant: 2000 }];
    expect(rule.check(facture, {}).outcome).toBe('pass');
  });

  testPlantSansFrais(rule);
});
