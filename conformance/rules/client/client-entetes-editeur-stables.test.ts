// client-entetes-editeur-stables: one finding where the triplet changes, none for a missing header.
import { describe, expect, it } from 'vitest';
import { ENTETES_EDITEUR, avecEchanges, echange, sessionValide } from '../fixtures/session-valide.js';
import rule from './client-entetes-editeur-stables.js';

describe('client-entetes-editeur-stables', () => {
  it('passes on the good session and fails once, where the version changes, on its plant', () => {
    expect(rule.check(sessionValide(), {})).toEqual({ outcome: 'pass' });
    const result = rule.check(rule.plant(sessionValide(), {}).payload, {});
    expect(result).toMatchObject({ outcome: 'fail', violations: [{ path: 'echanges[5].headers', expected: 'Editions Exemple / GestApprentis / 4.2.0', received: 'Editions Exemple / GestApprentis / 4.2.0-maj' }] });
  });

  it('reports each change once, and a return to the first triplet as a change too', () => {
    const autre = { ...ENTETES_EDITEUR, logiciel: 'Autre' };
    const session = avecEchanges(sessionValide(), [echange(), echange({ headers: autre }), echange({ headers: autre }), echange()]);
    const result = rule.check(session, {});
    expect(result.outcome === 'fail' && result.violations.map((v) => v.path)).toEqual(['echanges[1].headers', 'echanges[3].headers']);
  });

  it('leaves a request with a missing header to client-entetes-editeur-presents', () => {
    const session = avecEchanges(sessionValide(), [echange(), echange({ headers: { editeur: 'Editions Exemple' } }), echange()]);
    expect(rule.check(session, {})).toEqual({ outcome: 'pass' });
    expect(rule.check(avecEchanges(sessionValide(), [echange({ headers: {} })]), {}).outcome).toBe('not-applicable');
  });
});
