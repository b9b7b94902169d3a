// client-cadence-lecture-etat: 2 reads of a dossier per second pass, a third within the second fails; other dossiers and pages count apart.
import { describe, expect, it } from 'vitest';
import type { EchangeCfa } from '../../model/session.js';
import { T0_MS, avecEchanges, echange, sessionValide } from '../fixtures/session-valide.js';
import rule from './client-cadence-lecture-etat.js';

const lecture = (apresMs: number, numero = 'A'): EchangeCfa => echange({ path: '/v2/dossiers', query: { numeroInterne: numero }, receivedAtMs: T0_MS + apresMs });
const page = (apresMs: number, numeroPage = '1', path = '/v2/dossiers/etats'): EchangeCfa => echange({ path, query: { numeroPage }, receivedAtMs: T0_MS + apresMs });
const juger = (...echanges: EchangeCfa[]) => rule.check(avecEchanges(sessionValide(), echanges), {});

describe('client-cadence-lecture-etat', () => {
  it('passes on the good session and fails on its plant (the third read within a second)', () => {
    expect(rule.check(sessionValide(), {})).toEqual({ outcome: 'pass' });
    expect(rule.check(rule.plant(sessionValide(), {}).payload, {})).toMatchObject({
      outcome: 'fail',
      violations: [{ path: 'echanges[6]', expected: 'au plus 2 lecture(s) du dossier CFA-2025-000123 par seconde', received: '3 lectures en 0,4 s (à partir de la requête #5)' }],
    });
  });

  it('allows 2 reads a second: a third exactly one second after the first passes, a millisecond earlier fails', () => {
    expect(juger(lecture(0), lecture(500), lecture(1000), lecture(1500))).toEqual({ outcome: 'pass' });
    expect(juger(lecture(0), lecture(500), lecture(999)).outcome).toBe('fail');
  });

  it('reports polling at 25 reads a second once per dossier, with the count', () => {
    const rafale = Array.from({ length: 25 }, (_, n) => lecture(n * 40));
    const result = juger(...rafale);
    expect(result).toMatchObject({ outcome: 'fail', violations: [{ received: expect.stringContaining('23 lectures de trop') }] });
  });

  it('counts each dossier and each states page apart; the list by numbers counts for each dossier it names', () => {
    expect(juger(lecture(0, 'A'), lecture(10, 'B'), lecture(20, 'C'), page(30, '1'), page(40, '2'), page(50, '3'))).toEqual({ outcome: 'pass' });
    expect(juger(page(0), page(100), page(200)).outcome).toBe('fail');
    expect(juger(page(0, '1', '/v2/factures/etats'), page(100, '1', '/v2/factures/etats'), page(200, '1', '/v2/factures/etats')).outcome).toBe('fail');
    const liste = (apresMs: number): EchangeCfa => echange({ path: '/v2/dossiers/liste', query: { numerosInternes: 'A,B' }, receivedAtMs: T0_MS + apresMs });
    expect(juger(lecture(0, 'B'), liste(100), liste(200)).outcome).toBe('fail');
  });

  it('follows lecturesMaxParSeconde of the session', () => {
    const session = avecEchanges(sessionValide(), [lecture(0), lecture(500), lecture(900)]);
    expect(rule.check({ ...session, parametres: { ...session.parametres, lecturesMaxParSeconde: 3 } }, {})).toEqual({ outcome: 'pass' });
  });

  it('is not applicable without a read of a dossier or a states list', () => {
    expect(juger(echange()).outcome).toBe('not-applicable');
  });
});
