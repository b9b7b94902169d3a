// CfaDock's routing call as the mock serves it: the OPCO of an employer by IDCC or known SIRET, its URL at the mock.
import { describe, expect, it } from 'vitest';
import { trouverOpco } from './cfadock.js';
import { bundledReferentiel } from './engine/referentiel.js';
import { MockProblem } from './errors.js';
import { bundledProfiles } from './profiles.js';

const ORIGIN = 'http://127.0.0.1:4010';
const ref = bundledReferentiel();
const search = (query: Record<string, string>) => trouverOpco(query, ORIGIN, ref);

function problem(query: Record<string, string>): MockProblem {
  try {
    search(query);
  } catch (error) {
    if (error instanceof MockProblem) return error;
    throw error;
  }
  throw new Error('no problem thrown');
}

describe('GET /api/opcos (CfaDock)', () => {
  it('finds the OPCO of a known employer by its SIRET, with its URL at the mock', () => {
    const { status, body } = search({ siret: '12345678200010' });
    expect(status).toBe(200);
    expect(body).toEqual({
      searchStatus: 'OK',
      opcoName: 'OPCO entreprises de proximité',
      opcoSiren: '900000076',
      idcc: 843,
      url: `${ORIGIN}/opcoep`,
      filters: { siret: '12345678200010', idcc: null },
    });
  });

  it('lets the idcc given decide, leading zeros or not, and accepts a SIREN', () => {
    expect(search({ siret: '99999999900018', idcc: '1979' }).body).toMatchObject({ searchStatus: 'OK', url: `${ORIGIN}/akto`, idcc: 1979 });
    expect(search({ siret: '99999999900018', idcc: '0843' }).body).toMatchObject({ url: `${ORIGIN}/opcoep`, filters: { idcc: 843 } });
    expect(search({ siret: '123456782' }).body).toMatchObject({ searchStatus: 'OK', idcc: 843 });
  });

  it('answers NOT_FOUND, with nulls, for an employer and an IDCC it does not know', () => {
    expect(search({ siret: '99999999900018' }).body).toEqual({
      searchStatus: 'NOT_FOUND',
      opcoName: null,
      opcoSiren: null,
      idcc: null,
      url: null,
      filters: { siret: '99999999900018', idcc: null },
    });
    expect(search({ siret: '99999999900018', idcc: '9999' }).body).toMatchObject({ searchStatus: 'NOT_FOUND', idcc: 9999, url: null });
    expect(trouverOpco({ siret: '12345678200010' }, ORIGIN, {}).body.searchStatus).toBe('NOT_FOUND');
  });

  it('refuses a missing or malformed siret, and a malformed idcc, naming the parameter (400)', () => {
    for (const [query, champ, code] of [
      [{}, 'siret', 'CHAMP_OBLIGATOIRE'],
      [{ siret: ' ' }, 'siret', 'CHAMP_OBLIGATOIRE'],
      [{ siret: '1234' }, 'siret', 'FORMAT_INVALIDE'],
      [{ siret: '12345678200010', idcc: 'abc' }, 'idcc', 'FORMAT_INVALIDE'],
    ] as const) {
      const p = problem(query);
      expect(p.status).toBe(400);
      expect(p.body().errors).toEqual([expect.objectContaining({ code, champ })]);
    }
  });

  it('routes every OPCO of the référentiel to a profile the mock serves, with a 9-digit SIREN', () => {
    const profiles = bundledProfiles();
    for (const [id, opco] of Object.entries(ref.cfaDock!.opcos)) {
      expect(profiles.has(id), id).toBe(true);
      expect(opco.opcoSiren).toMatch(/^\d{9}$/);
    }
    for (const id of Object.values(ref.cfaDock!.idcc)) expect(ref.cfaDock!.opcos[id], id).toBeDefined();
  });
});
