// Tests of convention-champs-obligatoires: the required fields of the convention.
import { describe, it, expect } from 'vitest';
import rule from './convention-champs-obligatoires.js';
import { conventionValide } from '../fixtures/convention-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'convention', valide: conventionValide, contexte: contexteFacturation, chemins: ['apprenti.prenom'] });

describe('convention-champs-obligatoires', () => {
  it('lists every missing field', () => {
    const convention = conventionValide() as unknown as Record<string, unknown>;
    delete convention.dateSignature;
    delete convention.employeur;
    const result = rule.check(convention as never, {});
    expect(result.outcome === 'fail' && result.violations.map((v) => v.path)).toEqual(['employeur.siret', 'dateSignature']);
  });
});
