// Tests of convention-majoration-rqth-plafond: the RQTH majoration of each year stays within the cap.
import { describe, it, expect } from 'vitest';
import rule from './convention-majoration-rqth-plafond.js';
import { conventionValide } from '../fixtures/convention-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'convention', valide: conventionValide, contexte: contexteFacturation, chemins: ['couts.montantRQTHAnnee1'] });

describe('convention-majoration-rqth-plafond', () => {
  it('accepts exactly 4 000 € and does not apply before 2021', () => {
    const convention = conventionValide();
    convention.couts.montantRQTHAnnee2 = 4000;
    expect(rule.check(convention, {}).outcome).toBe('pass');
    convention.couts.montantRQTHAnnee2 = 4500;
    convention.contrat.dateDebutContrat = '2020-09-01';
    expect(rule.check(convention, {}).outcome).toBe('not-applicable');
  });
});
