// Tests of facture-numero-echeance-connu: a line invoices an échéance of the dossier.
import { describe, it, expect } from 'vitest';
import rule from './facture-numero-echeance-connu.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from './support/regle-test.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['lignes[0].numeroEcheance'], contexteRequis: true });

describe('facture-numero-echeance-connu', () => {
  it('leaves an unknown dossier to facture-dossier-connu', () => {
    const facture = factureValide();
    facture.lignes[0]!.numeroInterneDossier = 'AUTRE';
    expect(rule.check(facture, contexteFacturation()).outcome).toBe('pass');
  });
});
