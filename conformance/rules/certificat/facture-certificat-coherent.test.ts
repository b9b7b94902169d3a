// Tests of facture-certificat-coherent: an embedded certificat attests a line of its invoice.
import { describe, it, expect } from 'vitest';
import rule from './facture-certificat-coherent.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { echecs, testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['certificatRealisation.echeance.numero'] });

describe('facture-certificat-coherent', () => {
  it('needs the certificat’s dossier among the lines and its invoice number to match', () => {
    const facture = factureValide();
    facture.certificatRealisation!.numeroInterneDossier = 'AUTRE';
    facture.certificatRealisation!.numeroInterneFacture = 'FA-AUTRE';
    const result = rule.check(facture, {});
    expect(result.outcome === 'fail' && result.violations.map((v) => v.path)).toEqual([
      'certificatRealisation.numeroInterneDossier',
      'certificatRealisation.numeroInterneFacture',
    ]);
  });

  it('does not apply to an invoice without certificat', () => {
    const facture = factureValide();
    delete facture.certificatRealisation;
    expect(rule.check(facture, {}).outcome).toBe('not-applicable');
  });

  it('plants on an invoice without certificat by embedding one for an échéance not invoiced', () => {
    const facture = factureValide();
    delete facture.certificatRealisation;
    const planted = rule.plant(facture, contexteFacturation());
    expect(rule.check(planted.payload, contexteFacturation())).toMatchObject({ outcome: 'fail', violations: [{ path: 'certificatRealisation.echeance.numero' }] });
    expect(echecs('facture', planted.payload, contexteFacturation())).toEqual([rule.id]);
  });
});
