// Tests of facture-echeance-ouverte: an échéance is invoiced only once open.
import { describe, it, expect } from 'vitest';
import rule from './facture-echeance-ouverte.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['lignes[0].numeroEcheance'], contexteRequis: true });

describe('facture-echeance-ouverte', () => {
  it('accepts the opening day itself and a time suffix on dateOuverture', () => {
    const context = { ...contexteFacturation(), today: '2025-09-01' };
    context.dossiers![0]!.echeances[0]!.dateOuverture = '2025-09-01T00:00:00Z';
    expect(rule.check(factureValide(), context).outcome).toBe('pass');
  });

  it('skips without today even with the dossiers', () => {
    const { today: _today, ...context } = contexteFacturation();
    expect(rule.check(factureValide(), context).outcome).toBe('skip');
  });

  it('rejects E2 before 2026-03-01', () => {
    const facture = factureValide();
    facture.lignes[0]!.numeroEcheance = 2;
    expect(rule.check(facture, contexteFacturation())).toMatchObject({ outcome: 'fail', violations: [{ received: 'échéance 2 ouverte à la facturation le 2026-03-01' }] });
  });
});
