// Tests of convention-dates-ordonnees: contract and training dates are readable and ordered.
import { describe, it, expect } from 'vitest';
import rule from './convention-dates-ordonnees.js';
import { conventionValide } from '../fixtures/convention-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'convention', valide: conventionValide, contexte: contexteFacturation, chemins: ['formation.dateFinFormation'] });

describe('convention-dates-ordonnees', () => {
  it('reports an unreadable date', () => {
    const convention = conventionValide();
    convention.contrat.dateFinContrat = '2027-02-30';
    expect(rule.check(convention, {})).toMatchObject({ outcome: 'fail', violations: [{ path: 'contrat.dateFinContrat' }] });
  });
});
