// client-contrat-sans-doublon: the same contract (the mock's duplicate key) under a new numeroInterne fails; resends under its number and other contracts pass.
import { describe, expect, it } from 'vitest';
import type { EchangeCfa } from '../../model/session.js';
import { T0_MS, avecEchanges, cerfaSession, echange, sessionValide } from '../fixtures/session-valide.js';
import rule from './client-contrat-sans-doublon.js';

type Modif = (cerfa: ReturnType<typeof cerfaSession>) => void;
const depot = (apresMs: number, status: number, numeroInterne: string | undefined, modif: Modif = () => undefined, reponse?: unknown): EchangeCfa => {
  const cerfa = cerfaSession();
  delete cerfa.numeroInterne;
  if (numeroInterne !== undefined) cerfa.numeroInterne = numeroInterne;
  modif(cerfa);
  return echange({ method: 'POST', path: '/v2/dossiers', body: { cerfa }, receivedAtMs: T0_MS + apresMs, response: { status, headers: {}, ...(reponse !== undefined ? { body: reponse } : {}) } });
};
const juger = (...echanges: EchangeCfa[]) => rule.check(avecEchanges(sessionValide(), echanges), {});

describe('client-contrat-sans-doublon', () => {
  it('passes on the good session (the 503 deposit resent under its number) and fails on its plant', () => {
    expect(rule.check(sessionValide(), {})).toEqual({ outcome: 'pass' });
    expect(rule.check(rule.plant(sessionValide(), {}).payload, {})).toMatchObject({
      outcome: 'fail',
      violations: [{ path: 'echanges[3]', received: 'redéposé numeroInterne CFA-2025-000999' }],
    });
  });

  it('fails a redeposit under a new number after an accepted deposit or a 5xx, not after a refusal', () => {
    expect(juger(depot(0, 201, 'A'), depot(1000, 201, 'B')).outcome).toBe('fail');
    expect(juger(depot(0, 503, 'A'), depot(1000, 201, 'B')).outcome).toBe('fail');
    expect(juger(depot(0, 400, 'A'), depot(1000, 201, 'B'))).toEqual({ outcome: 'pass' });
    expect(juger(depot(0, 503, 'A'), depot(1000, 201, 'A'))).toEqual({ outcome: 'pass' });
  });

  it('uses the exact identity key: another apprentice, employer or start date is another contract; a date-time is its date', () => {
    expect(juger(depot(0, 201, 'A'), depot(10, 201, 'B', (c) => void (c.apprenti.prenom = 'Autre')))).toEqual({ outcome: 'pass' });
    expect(juger(depot(0, 201, 'A'), depot(10, 201, 'B', (c) => void (c.employeur.siret = '85300000800013')))).toEqual({ outcome: 'pass' });
    expect(juger(depot(0, 201, 'A'), depot(10, 201, 'B', (c) => void (c.contrat.dateDebutContrat = '2030-01-01')))).toEqual({ outcome: 'pass' });
    expect(juger(depot(0, 201, 'A'), depot(10, 201, 'B', (c) => void (c.contrat.dateDebutContrat = `${c.contrat.dateDebutContrat}T00:00:00Z`))).outcome).toBe('fail');
  });

  it('knows the number the OPCO assigned when the deposit carried none', () => {
    expect(juger(depot(0, 201, undefined, undefined, { numeroInterne: 'OPCO-000001' }), depot(10, 201, undefined)).outcome).toBe('fail');
    expect(juger(depot(0, 201, undefined, undefined, { numeroInterne: 'OPCO-000001' }), depot(10, 201, 'OPCO-000001'))).toEqual({ outcome: 'pass' });
    expect(juger(depot(0, 503, undefined), depot(1000, 201, undefined))).toEqual({ outcome: 'pass' });
  });

  it('is not applicable with fewer than two deposits', () => {
    expect(juger(depot(0, 201, 'A')).outcome).toBe('not-applicable');
  });
});
