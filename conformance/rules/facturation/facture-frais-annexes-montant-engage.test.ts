// Tests of facture-frais-annexes-montant-engage: frais annexes within what the OPCO committed.
import { describe, it, expect } from 'vitest';
import rule from './facture-frais-annexes-montant-engage.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testPlantSansFrais, testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['lignes[0].fraisAnnexes[0].montant'], contexteRequis: true });

describe('facture-frais-annexes-montant-engage', () => {
  it('refuses a nature the OPCO did not commit, and a first equipment already paid', () => {
    const context = contexteFacturation();
    const dossier = context.dossiers![0]!;
    dossier.engagementsFraisAnnexe = dossier.engagementsFraisAnnexe.filter((e) => e.natureFrais !== 'HEBERGEMENT');
    dossier.detailsFacturation!.fraisPremierEquipementRegles = true;
    const result = rule.check(factureValide(), context);
    expect(result.outcome === 'fail' && result.violations.map((v) => v.path)).toEqual([
      'lignes[0].fraisAnnexes[1].montant',
      'lignes[0].fraisAnnexes[2].montant',
    ]);
  });

  it('leaves a line of a dossier not engaged yet to facture-dossier-numero-deca', () => {
    for (const etat of ['TRANSMIS', 'EN_COURS_INSTRUCTION'] as const) {
      const context = contexteFacturation();
      const dossier = context.dossiers![0]!;
      dossier.cerfa.etat = etat;
      dossier.engagementsFraisAnnexe = [];
      expect(rule.check(factureValide(), context).outcome).toBe('pass');
      dossier.cerfa.etat = 'ENGAGE';
      expect(rule.check(factureValide(), context).outcome).toBe('fail');
    }
  });

  testPlantSansFrais(rule);
});
