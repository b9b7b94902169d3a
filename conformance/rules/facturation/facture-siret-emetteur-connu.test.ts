// Tests of facture-siret-emetteur-connu: the emitter SIRET is known to the OPCO.
import { describe, it, expect } from 'vitest';
import rule from './facture-siret-emetteur-connu.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['organismeFormation.siret'], contexteRequis: true });

describe('facture-siret-emetteur-connu', () => {
  it('rejects a SIRET the OPCO does not know', () => {
    expect(rule.check(factureValide(), { siretsConnus: ['12345678200010'] }).outcome).toBe('fail');
  });

  it('leaves a malformed SIRET to the identifier rules', () => {
    const facture = factureValide();
    facture.organismeFormation.siret = '79812345100023';
    expect(rule.check(facture, contexteFacturation()).outcome).toBe('not-applicable');
  });
});
