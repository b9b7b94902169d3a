// client-requete-conforme-spec: requests with schema errors fail, unless a scripted play answered them.
import { describe, expect, it } from 'vitest';
import { avecEchanges, echange, sessionValide } from '../fixtures/session-valide.js';
import rule from './client-requete-conforme-spec.js';

describe('client-requete-conforme-spec', () => {
  it('passes on the good session and fails on its plant (a page 0 asked at the end)', () => {
    expect(rule.check(sessionValide(), {})).toEqual({ outcome: 'pass' });
    const planted = rule.plant(sessionValide(), {}).payload;
    const dernier = planted.echanges.length - 1;
    expect(rule.check(planted, {})).toMatchObject({ outcome: 'fail', violations: [{ path: `echanges[${dernier}]`, received: 'query.numeroPage doit être supérieur ou égal à 1' }] });
  });

  it('lists at most three schema errors, and ignores requests a scripted play answered', () => {
    const erreurs = ['a', 'b', 'c', 'd', 'e'];
    const result = rule.check(avecEchanges(sessionValide(), [echange({ schemaErrors: erreurs })]), {});
    expect(result).toMatchObject({ outcome: 'fail', violations: [{ received: 'a ; b ; c (et 2 autre(s))' }] });
    expect(rule.check(avecEchanges(sessionValide(), [echange({ schemaErrors: erreurs, scripted: 'limite-debit-lecture' })]), {})).toEqual({ outcome: 'pass' });
    expect(rule.check(avecEchanges(sessionValide(), [echange({ schemaErrors: [] })]), {})).toEqual({ outcome: 'pass' });
  });
});
