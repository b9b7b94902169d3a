// client-pas-de-tempete-apres-erreur: resends of the same request (operation and payload identity) counted in the storm window, distinct payloads not.
import { describe, expect, it } from 'vitest';
import type { EchangeCfa } from '../../model/session.js';
import { T0_MS, avecEchanges, cerfaSession, echange, sessionValide } from '../fixtures/session-valide.js';
import rule from './client-pas-de-tempete-apres-erreur.js';

const depot = (apresMs: number, status = 503, numeroInterne = 'CFA-A'): EchangeCfa =>
  echange({ method: 'POST', path: '/v2/dossiers', body: { cerfa: { ...cerfaSession(), numeroInterne } }, receivedAtMs: T0_MS + apresMs, response: { status, headers: {} } });
const juger = (...echanges: EchangeCfa[]) => rule.check(avecEchanges(sessionValide(), echanges), {});

describe('client-pas-de-tempete-apres-erreur', () => {
  it('passes on the good session and fails once on its plant (the excess resend)', () => {
    expect(rule.check(sessionValide(), {})).toEqual({ outcome: 'pass' });
    const result = rule.check(rule.plant(sessionValide(), {}).payload, {});
    expect(result).toMatchObject({ outcome: 'fail', violations: [{ path: 'echanges[5]', received: '4 renvois en 5 s' }] });
  });

  it('allows exactly tempeteMaxRenvois resends of the same request in the window, not one more', () => {
    // Default parameters: 3 resends within 10 s.
    expect(juger(depot(0), depot(1000, 409), depot(2000, 503), depot(3000, 201))).toEqual({ outcome: 'pass' });
    expect(juger(depot(0), depot(1000, 409), depot(2000, 503), depot(3000, 429), depot(4000, 201)).outcome).toBe('fail');
  });

  it('ends the episode at the first resend that went through: polling the dossier afterwards is not a storm', () => {
    const lecture = (apresMs: number, status = 200): EchangeCfa =>
      echange({ path: '/v2/dossiers', query: { numeroInterne: 'A' }, receivedAtMs: T0_MS + apresMs, response: { status, headers: {} } });
    expect(juger(lecture(0, 503), ...Array.from({ length: 19 }, (_, n) => lecture(1000 + n * 500)))).toEqual({ outcome: 'pass' });
  });

  it('does not count other contracts: a batch sending three different contracts after one 503 is no storm', () => {
    expect(juger(depot(0, 503, 'CFA-A'), depot(1000, 201, 'CFA-A'), depot(1100, 201, 'CFA-B'), depot(1200, 201, 'CFA-C'), depot(1300, 201, 'CFA-D'))).toEqual({ outcome: 'pass' });
  });

  it('identifies invoices by numeroInterneFacture, reads by their query, other bodies by their content', () => {
    const facture = (apresMs: number, numero: string, status = 201, reference = 'R1'): EchangeCfa =>
      echange({ method: 'POST', path: '/v2/factures', body: { numeroInterneFacture: numero, referenceFactureCFA: reference }, receivedAtMs: T0_MS + apresMs, response: { status, headers: {} } });
    // The same invoice, corrected between resends, is still the same request.
    expect(juger(facture(0, 'F1', 503), ...[1, 2, 3, 4].map((n) => facture(n * 1000, 'F1', 503, `R${n}`))).outcome).toBe('fail');
    expect(juger(facture(0, 'F1', 503), facture(1000, 'F1', 201), ...[2, 3, 4].map((n) => facture(n * 1000, 'F1', 400)))).toEqual({ outcome: 'pass' });
    expect(juger(facture(0, 'F1', 503), ...[1, 2, 3, 4].map((n) => facture(n * 1000, `F${n + 1}`))).outcome).toBe('pass');
    const lecture = (apresMs: number, numero: string, status = 200): EchangeCfa =>
      echange({ path: '/v2/dossiers', query: { numeroInterne: numero }, receivedAtMs: T0_MS + apresMs, response: { status, headers: {} } });
    expect(juger(lecture(0, 'A', 500), ...[1, 2, 3, 4].map((n) => lecture(n * 1000, 'A', 503))).outcome).toBe('fail');
    expect(juger(lecture(0, 'A', 500), ...[1, 2, 3, 4].map((n) => lecture(n * 1000, `B${n}`))).outcome).toBe('pass');
  });

  it('counts a resend exactly at the end of the window, not one after it, nor other operations', () => {
    const autres = [echange({ receivedAtMs: T0_MS + 100 }), echange({ receivedAtMs: T0_MS + 200 })];
    expect(juger(depot(0), ...autres, depot(1000, 503), depot(2000, 409), depot(3000, 409), depot(10_000, 201)).outcome).toBe('fail');
    expect(juger(depot(0), ...autres, depot(1000, 503), depot(2000, 409), depot(3000, 409), depot(10_001, 201))).toEqual({ outcome: 'pass' });
  });

  it("follows the session's parameters", () => {
    const session = avecEchanges(sessionValide(), [depot(0), depot(100, 201)]);
    // tempeteMaxRenvois 0: even the resend that goes through is one too many.
    expect(rule.check({ ...session, parametres: { ...session.parametres, tempeteMaxRenvois: 0, fenetreTempeteMs: 1000 } }, {}).outcome).toBe('fail');
    expect(rule.check({ ...session, parametres: { ...session.parametres, tempeteMaxRenvois: 0, fenetreTempeteMs: 50 } }, {})).toEqual({ outcome: 'pass' });
  });

  it('is not applicable without a server error', () => {
    expect(juger(depot(0, 201)).outcome).toBe('not-applicable');
  });
});
