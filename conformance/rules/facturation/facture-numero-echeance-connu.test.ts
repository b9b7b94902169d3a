// Tests of facture-numero-echeance-connu: a line invoices an échéance of the dossier.
import { describe, it, expect } from 'vitest';
import rule from './facture-numero-echeance-connu.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import numeroDeca from './facture-dossier-numero-deca.js';
import type { EtatDossier } from '../../model/dossier.js';
import type { RuleContext } from '../rule.js';

/** The context with the dossier in `etat`, its échéancier as the OPCO shows it then (none before engagement). */
function contexteEnEtat(etat: EtatDossier, echeancier: boolean): RuleContext {
  const context = contexteFacturation();
  const dossier = context.dossiers![0]!;
  const engage = etat === 'ENGAGE' || etat === 'RUPTURE' || etat === 'SOLDE';
  context.dossiers = [
    {
      ...dossier,
      cerfa: { ...dossier.cerfa, etat, numeroDeca: engage ? dossier.cerfa.numeroDeca : null },
      echeances: echeancier ? dossier.echeances : [],
    },
  ];
  return context;
}
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['lignes[0].numeroEcheance'], contexteRequis: true });

describe('facture-numero-echeance-connu', () => {
  it('leaves an unknown dossier to facture-dossier-connu', () => {
    const facture = factureValide();
    facture.lignes[0]!.numeroInterneDossier = 'AUTRE';
    expect(rule.check(facture, contexteFacturation()).outcome).toBe('pass');
  });

  it('does not judge a dossier not engaged yet: facture-dossier-numero-deca reports the invoice, once', () => {
    for (const etat of ['TRANSMIS', 'EN_COURS_INSTRUCTION', 'REFUSE', 'ANNULE'] as const) {
      const context = contexteEnEtat(etat, false);
      expect(rule.check(factureValide(), context).outcome, etat).toBe('pass');
      expect(numeroDeca.check(factureValide(), context).outcome, etat).toBe('fail');
    }
  });

  it('still judges an engaged, broken or settled dossier, even with an empty échéancier', () => {
    for (const etat of ['ENGAGE', 'RUPTURE', 'SOLDE'] as const) {
      expect(rule.check(factureValide(), contexteEnEtat(etat, false)).outcome, etat).toBe('fail');
    }
    const result = rule.check(factureValide(), contexteEnEtat('ENGAGE', false));
    expect(result).toMatchObject({ outcome: 'fail', violations: [{ expected: 'aucune échéance pour ce dossier' }] });
  });
});
