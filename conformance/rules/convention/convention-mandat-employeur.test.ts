// Tests of convention-mandat-employeur: the convention states the employer's mandate.
import { describe, it, expect } from 'vitest';
import rule from './convention-mandat-employeur.js';
import { conventionValide } from '../fixtures/convention-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'convention', valide: conventionValide, contexte: contexteFacturation, chemins: ['mandatEmployeur'] });

describe('convention-mandat-employeur', () => {
  it('is a warning, not a rejection (the dossier must be regularised)', () => {
    expect(rule.severity).toBe('avertissement');
  });
});
