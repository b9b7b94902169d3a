// Tests of facture-siret-identique-echeance: the invoice SIRET is the échéance's.
import { describe, it, expect } from 'vitest';
import rule from './facture-siret-identique-echeance.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle, echecs } from '../testing/regle-test.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['organismeFormation.siret'], contexteRequis: true });

describe('facture-siret-identique-echeance', () => {
  it('ignores spaces in SIRETs', () => {
    const facture = factureValide();
    facture.organismeFormation.siret = '798 123 451 00022';
    expect(rule.check(facture, contexteFacturation()).outcome).toBe('pass');
  });

  it('plants a new valid SIRET, made known to the OPCO, when none other is known', () => {
    const context = { ...contexteFacturation(), siretsConnus: ['79812345100022'] };
    const planted = rule.plant(factureValide(), context);
    expect(planted.context?.siretsConnus).toContain(planted.payload.organismeFormation.siret);
    expect(echecs('facture', planted.payload, planted.context ?? context)).toEqual([rule.id]);
  });

  it('leaves a malformed SIRET to the identifier rules', () => {
    const facture = factureValide();
    facture.organismeFormation.siret = '7981234510002';
    expect(rule.check(facture, contexteFacturation()).outcome).toBe('not-applicable');
  });
});
