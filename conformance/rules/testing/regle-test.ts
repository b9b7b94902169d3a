// Test support for the facturation, convention and certificat rules: the valid case, the planted case, the case without context.
import { describe, it, expect } from 'vitest';
import type { PayloadByKind, PayloadKind } from '../../model/payloads.js';
import type { Rule, RuleContext, RuleResult } from '../rule.js';
import { facturationRules } from '../facturation/index.js';
import { conventionRules } from '../convention/index.js';
import { certificatRules } from '../certificat/index.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';

export const reglesDeMesDomaines: readonly Rule<any>[] = [...facturationRules, ...conventionRules, ...certificatRules];

/** Violation paths of a result (empty unless it failed). */
export function chemins(result: RuleResult): string[] {
  return result.outcome === 'fail' ? result.violations.map((v) => v.path) : [];
}

/** Ids of the rules of the three areas that apply to `kind` and fail on `payload`. */
export function echecs<K extends PayloadKind>(kind: K, payload: PayloadByKind[K], context: RuleContext): string[] {
  return reglesDeMesDomaines.filter((r) => r.appliesTo.includes(kind) && r.check(payload, context).outcome === 'fail').map((r) => r.id);
}

export interface CasRegle<K extends PayloadKind> {
  kind: K;
  valide: () => PayloadByKind[K];
  /** The complete context the valid payload passes in. */
  contexte: () => RuleContext;
  /** Paths the planted payload must fail at (the set of distinct violation paths). */
  chemins: string[];
  /** The rule needs the context: without it, it answers skip. */
  contexteRequis?: boolean;
  /** Outcome on the valid payload; `pass` unless the rule does not apply to the fixture. */
  surValide?: 'pass' | 'not-applicable';
}

/** The three cases every rule of these areas is tested on. */
export function testRegle<K extends PayloadKind>(rule: Rule<K>, cas: CasRegle<K>): void {
  describe(`${rule.id} (commun)`, () => {
    it(`gives ${cas.surValide ?? 'pass'} on the valid ${cas.kind} in full context`, () => {
      expect(rule.check(cas.valide(), cas.contexte())).toEqual({ outcome: cas.surValide ?? 'pass', ...(cas.surValide === 'not-applicable' ? { reason: expect.any(String) } : {}) });
    });

    it(`its plant fails at ${cas.chemins.join(', ')} and no other rule of the three areas fails`, () => {
      const valide = cas.valide();
      const contexte = cas.contexte();
      const avant = JSON.stringify([valide, contexte]);
      const planted = rule.plant(valide, contexte);
      expect(JSON.stringify([valide, contexte]), 'plant must not mutate its input').toBe(avant);
      const ctx = planted.context ?? contexte;
      const result = rule.check(planted.payload, ctx);
      expect(result.outcome).toBe('fail');
      expect([...new Set(chemins(result))].sort()).toEqual([...cas.chemins].sort());
      expect(echecs(cas.kind, planted.payload, ctx)).toEqual([rule.id]);
      if (result.outcome === 'fail') {
        for (const v of result.violations) expect(v.expected.length * v.received.length).toBeGreaterThan(0);
      }
    });

    if (cas.contexteRequis) {
      it('skips, with a reason, without the context it needs', () => {
        const result = rule.check(cas.valide(), {});
        expect(result.outcome).toBe('skip');
        expect(result.outcome === 'skip' && result.reason).toMatch(/contexte requis/);
      });
    }
  });
}

/**
 * A frais annexes rule plants on an invoice that has none (it adds its own), breaking only itself: the same
 * check for every such rule, on the valid invoice stripped of its frais and the engaged dossier's context.
 */
export function testPlantSansFrais(rule: Rule<'facture'>): void {
  it('plants on an invoice without frais annexes too, breaking only this rule', () => {
    const facture = factureValide();
    const ligne = facture.lignes[0]!;
    delete ligne.fraisAnnexes;
    ligne.montant = facture.montantTotal = 3200;
    const context = contexteFacturation();
    const planted = rule.plant(facture, context);
    expect(rule.check(planted.payload, planted.context ?? context).outcome).toBe('fail');
    expect(echecs('facture', planted.payload, planted.context ?? context)).toEqual([rule.id]);
  });
}

