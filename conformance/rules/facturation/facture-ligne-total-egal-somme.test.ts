// Tests of facture-ligne-total-egal-somme: a line is pedagogical + RQTH + frais annexes.
import { describe, it, expect } from 'vitest';
import rule from './facture-ligne-total-egal-somme.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['lignes[0].montant'] });

describe('facture-ligne-total-egal-somme', () => {
  it('counts a missing RQTH majoration and missing frais annexes as zero', () => {
    const facture = factureValide();
    const ligne = facture.lignes[0]!;
    delete ligne.montantMajorationRQTH;
    delete ligne.fraisAnnexes;
    ligne.montant = 3200;
    expect(rule.check(facture, {}).outcome).toBe('pass');
  });
});
