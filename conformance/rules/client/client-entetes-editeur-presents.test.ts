// client-entetes-editeur-presents: the good session passes, a request without EDITEUR fails, blank values and the token endpoint.
import { describe, expect, it } from 'vitest';
import { avecEchanges, echange, sessionValide } from '../fixtures/session-valide.js';
import rule from './client-entetes-editeur-presents.js';

describe('client-entetes-editeur-presents', () => {
  it('passes on the good session and fails on its plant, at the exchange that forgot EDITEUR', () => {
    expect(rule.check(sessionValide(), {})).toEqual({ outcome: 'pass' });
    const result = rule.check(rule.plant(sessionValide(), {}).payload, {});
    expect(result).toMatchObject({
      outcome: 'fail',
      violations: [{ path: 'echanges[0].headers', received: 'EDITEUR absent ou vide', message: expect.stringMatching(/ne porte pas l'en-tête EDITEUR : votre logiciel doit l'envoyer à chaque appel$/) }],
    });
  });

  it('counts a blank header as missing, and names every missing one', () => {
    const session = avecEchanges(sessionValide(), [echange({ headers: { editeur: '  ', logiciel: 'X' } })]);
    expect(rule.check(session, {})).toMatchObject({
      outcome: 'fail',
      violations: [{ received: 'EDITEUR, VERSION absents ou vides', message: expect.stringMatching(/ne porte pas les en-têtes EDITEUR, VERSION : votre logiciel doit les envoyer à chaque appel$/) }],
    });
  });

  it('does not expect the headers on the OAuth2 token endpoint, and cannot judge an empty session', () => {
    const jeton = echange({ method: 'POST', path: '/oauth/token', headers: {} });
    expect(rule.check(avecEchanges(sessionValide(), [jeton, echange()]), {})).toEqual({ outcome: 'pass' });
    expect(rule.check(avecEchanges(sessionValide(), []), {}).outcome).toBe('not-applicable');
  });
});
