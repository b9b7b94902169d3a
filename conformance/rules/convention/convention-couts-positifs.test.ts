// Tests of convention-couts-positifs: costs are non-negative.
import { describe, it, expect } from 'vitest';
import rule from './convention-couts-positifs.js';
import { conventionValide } from '../fixtures/convention-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'convention', valide: conventionValide, contexte: contexteFacturation, chemins: ['couts.nombreRepasTotaux'] });

describe('convention-couts-positifs', () => {
  it('refuses a negative amount and a fractional number of nights; null amounts are not given', () => {
    const convention = conventionValide();
    convention.couts.coutTotalPedagogieCFA = -1;
    convention.couts.nombreHebergementTotaux = 2.5;
    convention.couts.montantRQTHAnnee3 = null;
    const result = rule.check(convention, {});
    expect(result.outcome === 'fail' && result.violations.map((v) => v.path)).toEqual(['couts.coutTotalPedagogieCFA', 'couts.nombreHebergementTotaux']);
  });
});
