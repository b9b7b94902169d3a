// Tests of facture-iban-emetteur-renseigne: the emitter IBAN is given.
import { describe, it, expect } from 'vitest';
import rule from './facture-iban-emetteur-renseigne.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['organismeFormation.IBAN'] });

describe('facture-iban-emetteur-renseigne', () => {
  it('treats a blank IBAN as missing', () => {
    const facture = factureValide();
    facture.organismeFormation.IBAN = '   ';
    expect(rule.check(facture, {}).outcome).toBe('fail');
  });
});
