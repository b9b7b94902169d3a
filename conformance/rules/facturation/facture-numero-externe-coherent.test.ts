// Tests of facture-numero-externe-coherent: the OPCO's dossier number on a line is the right one.
import { describe, it, expect } from 'vitest';
import rule from './facture-numero-externe-coherent.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['lignes[0].numeroExterneDossier'], contexteRequis: true });

describe('facture-numero-externe-coherent', () => {
  it('leaves a missing number to facture-numero-externe-renseigne', () => {
    const facture = factureValide();
    delete facture.lignes[0]!.numeroExterneDossier;
    expect(rule.check(facture, contexteFacturation()).outcome).toBe('pass');
  });
});
