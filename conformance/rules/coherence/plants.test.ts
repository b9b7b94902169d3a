// Every plant of the coherence and eligibility areas, tried on many valid payloads: it breaks its rule and no other.
import { describe, it, expect } from 'vitest';
import { catalogue } from '../index.js';
import { cerfaValide } from '../fixtures/cerfa-valide.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { generateRecord } from '../../generate/index.js';
import type { Cerfa } from '../../model/payloads.js';
import type { Rule, RuleContext } from '../rule.js';
import { failing, plantReport, rulesOfMyAreas } from '../testing/harness.js';
import { variantesValides } from '../testing/variants.js';

const contexte: RuleContext = { today: '2025-08-25', rncpInactifs: [], dossiers: [] };

/**
 * Warnings a plant cannot avoid on some payloads: 40 h 30 a week is also too much for a minor; an RQTH apprentice
 * made too old (or needing the successive-contract exception) loses RQTH, so a 42-month contract becomes too long.
 */
const COLLATERAUX_ADMIS = new Set([
  'coherence-duree-hebdo → coherence-duree-hebdo-mineur',
  'eligibilite-age-maximum → eligibilite-duree-contrat',
  // The successive-contract exception needs an apprentice past 29 without RQTH: the same loss of RQTH.
  'eligibilite-contrat-successif-delai → eligibilite-duree-contrat',
]);

const bloquant = (id: string) => rulesOfMyAreas.find((r) => r.id === id)?.severity === 'bloquant';

describe('valid variants', () => {
  it.each(Object.entries(variantesValides()))('%s passes every coherence and eligibility rule', (_, cerfa) => {
    expect(failing(rulesOfMyAreas, cerfa, contexte)).toEqual([]);
  });

  it('the shared fixture cerfaValide passes them too', () => {
    expect(failing(rulesOfMyAreas, cerfaValide(), { ...contexte, today: '2024-09-01' })).toEqual([]);
  });
});

describe('plants on every valid variant', () => {
  for (const [nom, cerfa] of Object.entries({ ...variantesValides(), valide: cerfaValide() })) {
    it(`${nom}: each plant fails its rule, with only admitted warnings beside it`, () => {
      const problemes: string[] = [];
      for (const rule of rulesOfMyAreas) {
        const report = plantReport(rule, cerfa, contexte);
        if (report.planted.outcome !== 'fail') problemes.push(`${rule.id}: plant gives ${report.planted.outcome}`);
        for (const autre of report.autresEchecs) {
          const cle = `${rule.id} → ${autre}`;
          if (bloquant(autre) || !COLLATERAUX_ADMIS.has(cle)) problemes.push(cle);
        }
      }
      expect(problemes).toEqual([]);
    });
  }
});

describe('plants against the whole catalogue', () => {
  /** Blocking rules of every area that pass on `valid` but fail once `rule` is planted. */
  function collaterauxBloquants(rule: Rule<'cerfa'>, valid: Cerfa, context: RuleContext): string[] {
    const bloquants = catalogue.filter(
      (r) => r.id !== rule.id && r.severity === 'bloquant' && r.appliesTo.includes('cerfa') && r.check(valid, context).outcome !== 'fail',
    );
    const { payload, context: planted } = rule.plant(valid, context);
    return bloquants.filter((r) => r.check(payload, planted ?? context).outcome === 'fail').map((r) => `${rule.id} → ${r.id}`);
  }

  it('break no other blocking rule of any area on the fixtures', () => {
    const problemes = [cerfaCoherent(), cerfaValide()].flatMap((valid) =>
      rulesOfMyAreas.flatMap((rule) => collaterauxBloquants(rule, valid, contexte)),
    );
    expect(problemes).toEqual([]);
  });

  it('break no other blocking rule of any area on 40 generated CERFAs', () => {
    const problemes = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const { payload, context } = generateRecord('cerfa', 11, i);
      for (const rule of rulesOfMyAreas) for (const p of collaterauxBloquants(rule, payload, context)) problemes.add(p);
    }
    expect([...problemes]).toEqual([]);
  });
});

describe('malformed payloads', () => {
  /** Every leaf path of an object, as key lists. */
  function leaves(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
    if (value === null || typeof value !== 'object') return [prefix];
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    return [prefix, ...entries.flatMap(([k, v]) => leaves(v, [...prefix, k]))];
  }

  it('never make a rule throw, whatever a field holds', () => {
    const base = variantesValides()['deux-maitres'];
    const bizarres: unknown[] = [undefined, null, '', 'n/a', -1, 1e9, {}, [], '2025-02-30'];
    const problemes: string[] = [];
    for (const path of leaves(base).filter((p) => p.length > 0)) {
      for (const valeur of bizarres) {
        const cerfa = structuredClone(base) as unknown as Record<string | number, unknown>;
        let parent = cerfa;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        parent[path[path.length - 1]!] = valeur;
        for (const rule of rulesOfMyAreas) {
          try {
            rule.check(cerfa as unknown as Cerfa, contexte);
          } catch (error) {
            problemes.push(`${rule.id} on ${path.join('.')} = ${JSON.stringify(valeur)}: ${String(error)}`);
          }
        }
      }
    }
    expect(problemes.slice(0, 5)).toEqual([]);
  });

  it('never make a rule throw on an empty object', () => {
    for (const rule of rulesOfMyAreas) expect(() => rule.check({} as Cerfa, {}), rule.id).not.toThrow();
  });
});
