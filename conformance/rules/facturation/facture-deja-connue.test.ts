// Tests of facture-deja-connue: an invoice number already known to the OPCO is rejected.
import { describe, it, expect } from 'vitest';
import rule from './facture-deja-connue.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['numeroInterneFacture'], contexteRequis: true });

describe('facture-deja-connue', () => {
  it('accepts a new number and rejects every known one', () => {
    const context = { ...contexteFacturation(), facturesConnues: ['FA-1', 'FA-2025-0008'] };
    expect(rule.check(factureValide(), context)).toMatchObject({ outcome: 'fail', violations: [{ received: 'FA-2025-0008' }] });
    expect(rule.check(factureValide(), { facturesConnues: [] }).outcome).toBe('pass');
  });
});
