// Tests of facture-iban-identique-echeance: the emitter IBAN must be the échéance's.
import { describe, it, expect } from 'vitest';
import rule from './facture-iban-identique-echeance.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['organismeFormation.IBAN'], contexteRequis: true });

describe('facture-iban-identique-echeance', () => {
  it('compares IBANs without spaces nor case, and shows them redacted', () => {
    const facture = factureValide();
    facture.organismeFormation.IBAN = 'fr76 3000 6000 0112 3456 7890 189';
    expect(rule.check(facture, contexteFacturation()).outcome).toBe('pass');
    const planted = rule.plant(factureValide(), contexteFacturation());
    const result = rule.check(planted.payload, contexteFacturation());
    expect(result.outcome === 'fail' && result.violations[0]?.received).toMatch(/^FR\d\d \*\*\*\* … \d{4}$/);
    expect(JSON.stringify(result)).not.toContain(planted.payload.organismeFormation.IBAN);
  });

  it('leaves a missing IBAN to facture-iban-emetteur-renseigne and a malformed one to iban-valide', () => {
    const facture = factureValide();
    delete facture.organismeFormation.IBAN;
    expect(rule.check(facture, contexteFacturation()).outcome).toBe('not-applicable');
    facture.organismeFormation.IBAN = 'FR7630006000011234567890188';
    expect(rule.check(facture, contexteFacturation()).outcome).toBe('not-applicable');
  });
});
