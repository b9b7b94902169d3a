// Tests of facture-contrat-conclu-depuis-2020: only contracts concluded from 2020-01-01 are invoiced.
import { describe, it, expect } from 'vitest';
import rule from './facture-contrat-conclu-depuis-2020.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['lignes[0].numeroInterneDossier'], contexteRequis: true });

describe('facture-contrat-conclu-depuis-2020', () => {
  it('accepts a contract concluded on 2020-01-01', () => {
    const context = contexteFacturation();
    context.dossiers![0]!.cerfa.contrat.dateConclusion = '2020-01-01';
    expect(rule.check(factureValide(), context).outcome).toBe('pass');
  });
});
