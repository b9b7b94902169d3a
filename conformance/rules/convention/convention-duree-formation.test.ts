// Tests of convention-duree-formation: training hours between 1 and 9 999.
import { describe, it, expect } from 'vitest';
import rule from './convention-duree-formation.js';
import { conventionValide } from '../fixtures/convention-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'convention', valide: conventionValide, contexte: contexteFacturation, chemins: ['formation.dureeFormation'] });

describe('convention-duree-formation', () => {
  it('refuses zero hours', () => {
    const convention = conventionValide();
    convention.formation.dureeFormation = 0;
    expect(rule.check(convention, {}).outcome).toBe('fail');
  });
});
