// Tests of facture-majoration-rqth-plafond: the RQTH majoration invoiced stays within 4 000 € a year.
import { describe, it, expect } from 'vitest';
import rule from './facture-majoration-rqth-plafond.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['lignes[0].montantMajorationRQTH'] });

describe('facture-majoration-rqth-plafond', () => {
  it('caps one line without context', () => {
    const planted = rule.plant(factureValide(), {});
    expect(rule.check(planted.payload, {})).toMatchObject({ outcome: 'fail', violations: [{ path: 'lignes[0].montantMajorationRQTH' }] });
  });

  it('with the échéancier, caps the lines of one contract year together', () => {
    const context = contexteFacturation();
    for (const e of context.dossiers![0]!.echeances) e.montantMajorationRQTH = 2500;
    const facture = factureValide();
    const ligne = facture.lignes[0]!;
    ligne.montantMajorationRQTH = 2500;
    facture.lignes.push({ ...structuredClone(ligne), numeroEcheance: 2 }, { ...structuredClone(ligne), numeroEcheance: 5 });
    const result = rule.check(facture, context);
    // E1 and E2 are in the first year (5 000 €), E5 in the second (2 500 €).
    expect(result.outcome === 'fail' && result.violations.map((v) => v.path)).toEqual(['lignes[1].montantMajorationRQTH']);
  });
});
