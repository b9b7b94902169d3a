// Tests of convention-premier-equipement-plafond: the first equipment stays within its cap.
import { describe, it, expect } from 'vitest';
import rule from './convention-premier-equipement-plafond.js';
import { conventionValide } from '../fixtures/convention-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'convention', valide: conventionValide, contexte: contexteFacturation, chemins: ['couts.montantPremierEquipement'] });

describe('convention-premier-equipement-plafond', () => {
  it('uses the OPCO’s lower cap when the dossier is known', () => {
    const context = contexteFacturation();
    context.dossiers![0]!.detailsFacturation!.plafondFraisPremierEquipement = 400;
    expect(rule.check(conventionValide(), context)).toMatchObject({ outcome: 'fail', violations: [{ expected: 'au plus 400,00 €' }] });
  });
});
