// Tests of convention-coherente-dossier: the convention repeats the dossier's contract.
import { describe, it, expect } from 'vitest';
import rule from './convention-coherente-dossier.js';
import { conventionValide } from '../fixtures/convention-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'convention', valide: conventionValide, contexte: contexteFacturation, chemins: ['employeur.siret'], contexteRequis: true });

describe('convention-coherente-dossier', () => {
  it('refuses a convention for an unknown dossier', () => {
    const convention = conventionValide();
    convention.numeroInterneDossier = 'INCONNU';
    expect(rule.check(convention, contexteFacturation())).toMatchObject({ outcome: 'fail', violations: [{ path: 'numeroInterneDossier' }] });
  });

  it('compares dates on their day', () => {
    const context = contexteFacturation();
    context.dossiers![0]!.cerfa.contrat.dateDebutContrat = '2025-09-01T00:00:00Z';
    expect(rule.check(conventionValide(), context).outcome).toBe('pass');
  });

  it('leaves a malformed SIRET to the identifier rules', () => {
    const convention = conventionValide();
    convention.employeur.siret = '81234567600018';
    expect(rule.check(convention, contexteFacturation()).outcome).toBe('pass');
  });
});
