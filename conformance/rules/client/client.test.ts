// Every 'client' rule passes on the good session and fails on its own plant, which no other rule of the catalogue fails on.
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../engine/evaluate.js';
import type { SessionCfa } from '../../model/session.js';
import { sessionValide } from '../fixtures/session-valide.js';
import { clientRules } from './index.js';

const evaluator = createEvaluator();

/** The blocking payload findings of every deposit of the session, judged with the context the mock recorded. */
function echecsCharges(session: SessionCfa): string[] {
  return session.echanges.flatMap((e) =>
    e.payload === undefined
      ? []
      : evaluator
          .evaluate(e.body, e.payload.kind, e.payload.context)
          .filter((r) => r.severity === 'bloquant' && (r.result.outcome === 'fail' || r.result.outcome === 'error'))
          .map((r) => `#${e.seq} ${r.ruleId}`),
  );
}

const echouees = (session: SessionCfa): string[] => clientRules.filter((r) => r.check(session, {}).outcome === 'fail').map((r) => r.id);

describe('the good session', () => {
  it('passes every client rule that can judge it (no deposit is refused in it: nothing to resend)', () => {
    const session = sessionValide();
    const attendu = (id: string) => (id === 'client-depot-rejete-non-renvoye' ? 'not-applicable' : 'pass');
    expect(clientRules.map((r) => [r.id, r.check(session, {}).outcome])).toEqual(clientRules.map((r) => [r.id, attendu(r.id)]));
  });

  it('sends only payloads every blocking rule accepts in the context the mock judged them with', () => {
    expect(echecsCharges(sessionValide())).toEqual([]);
  });

  it('is deterministic and numbered 1..n in time order', () => {
    const session = sessionValide();
    expect(session).toEqual(sessionValide());
    expect(session.echanges.map((e) => e.seq)).toEqual(session.echanges.map((_, i) => i + 1));
    const temps = session.echanges.map((e) => e.receivedAtMs);
    expect(temps).toEqual([...temps].sort((a, b) => a - b));
  });
});

describe.each(clientRules.map((rule) => [rule.id, rule] as const))('plant of %s', (id, rule) => {
  it('fails that rule and no other client rule', () => {
    const { payload } = rule.plant(sessionValide(), {});
    expect(echouees(payload)).toEqual([id]);
  });

  it('fails no blocking payload rule and leaves its input unchanged', () => {
    const valid = sessionValide();
    const { payload } = rule.plant(valid, {});
    expect(echecsCharges(payload)).toEqual([]);
    expect(valid).toEqual(sessionValide());
  });

  it('reports its violations by exchange, without personal data', () => {
    const { payload } = rule.plant(sessionValide(), {});
    const result = rule.check(payload, {});
    if (result.outcome !== 'fail') throw new Error(`${id}: ${result.outcome}`);
    const texte = JSON.stringify(result.violations);
    for (const v of result.violations) expect(v.path).toMatch(/^echanges\[\d+\]/);
    // Names, NIR and IBAN of the fixtures never leak into a finding.
    for (const secret of ['DURAND', 'Camille', 'MARTIN', '205036912304522', 'FR7630006000011234567890189']) expect(texte).not.toContain(secret);
  });
});
