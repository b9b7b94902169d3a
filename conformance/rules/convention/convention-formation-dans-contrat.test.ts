// Tests of convention-formation-dans-contrat: the training sits in the contract window.
import { describe, it, expect } from 'vitest';
import rule from './convention-formation-dans-contrat.js';
import { conventionValide } from '../fixtures/convention-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'convention', valide: conventionValide, contexte: contexteFacturation, chemins: ['formation.dateFinFormation'] });

describe('convention-formation-dans-contrat', () => {
  it('flags a training starting more than 3 months after the contract and a contract ending more than 3 months after the training', () => {
    const convention = conventionValide();
    convention.formation.dateDebutFormation = '2025-12-02';
    convention.formation.dateFinFormation = '2027-05-30';
    const result = rule.check(convention, {});
    expect(result.outcome === 'fail' && result.violations.map((v) => v.path)).toEqual(['formation.dateDebutFormation', 'contrat.dateFinContrat']);
  });

  it('does not apply to unordered dates', () => {
    const convention = conventionValide();
    convention.contrat.dateFinContrat = '2024-01-01';
    expect(rule.check(convention, {}).outcome).toBe('not-applicable');
  });
});
