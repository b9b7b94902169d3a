// client-etat-lu-avant-facture: an invoice needs an earlier successful read of each dossier it names (by number or in a list).
import { describe, expect, it } from 'vitest';
import type { EchangeCfa } from '../../model/session.js';
import { NUMERO_INTERNE, avecEchanges, echange, factureSession, sessionValide } from '../fixtures/session-valide.js';
import rule from './client-etat-lu-avant-facture.js';

const facture = (): EchangeCfa => echange({ method: 'POST', path: '/v2/factures', body: factureSession(), response: { status: 201, headers: {} } });
const lecture = (path: string, body: unknown, status = 200, query: Record<string, string> = {}): EchangeCfa => echange({ path, query, response: { status, headers: {}, body } });

describe('client-etat-lu-avant-facture', () => {
  it('passes on the good session and fails on its plant (no read at all)', () => {
    expect(rule.check(sessionValide(), {})).toEqual({ outcome: 'pass' });
    const planted = rule.plant(sessionValide(), {}).payload;
    expect(planted.echanges.some((e) => e.operation === 'GET /dossiers')).toBe(false);
    const result = rule.check(planted, {});
    expect(result.outcome === 'fail' && result.violations.map((v) => v.path)).toEqual(['echanges[4].body.lignes[0].numeroInterneDossier', 'echanges[5].body.lignes[0].numeroInterneDossier']);
  });

  it('accepts a read through the state list or the dossier list', () => {
    const etats = lecture('/v2/dossiers/etats', { total: 1, count: 1, page: 1, EtatDossierResult: [{ numeroInterne: NUMERO_INTERNE, etat: 'ENGAGE' }] });
    expect(rule.check(avecEchanges(sessionValide(), [etats, facture()]), {})).toEqual({ outcome: 'pass' });
    const liste = lecture('/v2/dossiers/liste', [{ cerfa: { numeroInterne: NUMERO_INTERNE } }]);
    expect(rule.check(avecEchanges(sessionValide(), [liste, facture()]), {})).toEqual({ outcome: 'pass' });
  });

  it('does not count a failed read, a read of another dossier, or a read after the invoice', () => {
    const refusee = lecture('/v2/dossiers', {}, 429, { numeroInterne: NUMERO_INTERNE });
    const autre = lecture('/v2/dossiers', {}, 200, { numeroInterne: 'CFA-AUTRE' });
    const apres = lecture('/v2/dossiers', {}, 200, { numeroInterne: NUMERO_INTERNE });
    expect(rule.check(avecEchanges(sessionValide(), [refusee, autre, facture(), apres]), {}).outcome).toBe('fail');
  });

  it('is not applicable without invoices', () => {
    expect(rule.check(avecEchanges(sessionValide(), [echange()]), {}).outcome).toBe('not-applicable');
  });
});
