// client-depot-rejete-non-renvoye: an identical resend after a refusal fails; a corrected one, a 429 or a header-only refusal do not.
import { describe, expect, it } from 'vitest';
import type { EchangeCfa } from '../../model/session.js';
import { avecEchanges, cerfaSession, corpsProbleme, echange, sessionValide } from '../fixtures/session-valide.js';
import rule from './client-depot-rejete-non-renvoye.js';

const refus = (status: number, code: string) => ({ status, headers: {}, body: corpsProbleme(code, status, 'Refus', [{ code, description: 'Refus' }]) });
const depot = (body: unknown, response: EchangeCfa['response'], headers?: Record<string, string>): EchangeCfa =>
  echange({ method: 'POST', path: '/v2/conventions', body, response, ...(headers ? { headers } : {}) });

describe('client-depot-rejete-non-renvoye', () => {
  it('is not applicable to the good session (no deposit refused) and fails on its plant, at the second 409', () => {
    expect(rule.check(sessionValide(), {}).outcome).toBe('not-applicable');
    const planted = rule.plant(sessionValide(), {}).payload;
    const dernier = planted.echanges.length - 1;
    expect(rule.check(planted, {})).toMatchObject({
      outcome: 'fail',
      violations: [{ path: `echanges[${dernier}]`, expected: `un dépôt corrigé après le refus de la requête #${dernier} (DOSSIER_DEJA_CONNU sur numeroInterne)` }],
    });
  });

  it('compares canonical bodies: key order does not make a resend different, a changed value does', () => {
    const a = { numeroInterneDossier: 'X', couts: { b: 1, a: 2 } };
    const memeOrdreDifferent = { couts: { a: 2, b: 1 }, numeroInterneDossier: 'X' };
    expect(rule.check(avecEchanges(sessionValide(), [depot(a, refus(400, 'PIECE_REJETEE')), depot(memeOrdreDifferent, refus(400, 'PIECE_REJETEE'))]), {}).outcome).toBe('fail');
    expect(rule.check(avecEchanges(sessionValide(), [depot(a, refus(400, 'PIECE_REJETEE')), depot({ ...a, couts: { a: 3, b: 1 } }, { status: 201, headers: {} })]), {})).toEqual({ outcome: 'pass' });
  });

  it('does not count a 429 or a 5xx as a refusal, nor a resend with fixed headers after a header refusal', () => {
    const body = cerfaSession();
    expect(rule.check(avecEchanges(sessionValide(), [depot(body, refus(429, 'TROP_DE_REQUETES')), depot(body, { status: 201, headers: {} })]), {}).outcome).toBe('not-applicable');
    const sansEditeur = { logiciel: 'L', version: '1' };
    const entetes = [depot(body, refus(400, 'ENTETE_EDITEUR_ABSENTE'), sansEditeur), depot(body, { status: 201, headers: {} })];
    expect(rule.check(avecEchanges(sessionValide(), entetes), {})).toEqual({ outcome: 'pass' });
    // The same headers again after a header refusal: still blind.
    const aveugle = [depot(body, refus(400, 'ENTETE_EDITEUR_ABSENTE'), sansEditeur), depot(body, refus(400, 'ENTETE_EDITEUR_ABSENTE'), sansEditeur)];
    expect(rule.check(avecEchanges(sessionValide(), aveugle), {}).outcome).toBe('fail');
  });

  it('leaves invoices to client-facture-rejetee-corrigee', () => {
    const facture = (response: EchangeCfa['response']) => echange({ method: 'POST', path: '/v2/factures', body: { a: 1 }, response });
    expect(rule.check(avecEchanges(sessionValide(), [facture(refus(400, 'FACTURE_REJETEE')), facture(refus(400, 'FACTURE_REJETEE'))]), {}).outcome).toBe('not-applicable');
  });
});
