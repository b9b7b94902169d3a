// Reading a deposit body as it travels: the `{"cerfa": …}` wrapper, numeroInterne in cerfa, at the root or absent.
import { describe, expect, it } from 'vitest';
import { MockProblem } from '../errors.js';
import { validCerfa } from '../testdata/fixtures.js';
import { lireDepot, PREFIXE_NUMERO_ATTRIBUE } from './dossiers.js';

const sans = () => {
  const { numeroInterne: _n, ...cerfa } = validCerfa();
  return cerfa;
};

function refus(body: unknown): MockProblem {
  try {
    lireDepot(body);
  } catch (error) {
    if (error instanceof MockProblem) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('lireDepot', () => {
  it('takes the number in cerfa, or beside it at the root', () => {
    expect(lireDepot({ cerfa: validCerfa('N-1') })).toMatchObject({ attribuer: false, cerfa: { numeroInterne: 'N-1' } });
    expect(lireDepot({ numeroInterne: 'N-2', cerfa: sans() })).toMatchObject({ attribuer: false, cerfa: { numeroInterne: 'N-2' } });
    expect(lireDepot({ numeroInterne: 'N-3', cerfa: validCerfa('N-3') }).cerfa.numeroInterne).toBe('N-3');
    expect(lireDepot({ numeroInterne: 'N-4', cerfa: { ...sans(), numeroInterne: ' ' } }).cerfa.numeroInterne).toBe('N-4');
  });

  it('marks a deposit without a number for assignment, judged with the assigned form', () => {
    for (const cerfa of [sans(), { ...sans(), numeroInterne: null }, { ...sans(), numeroInterne: '' }]) {
      const lu = lireDepot({ cerfa, numeroInterne: null });
      expect(lu.attribuer).toBe(true);
      expect(lu.cerfa.numeroInterne).toMatch(new RegExp(`^${PREFIXE_NUMERO_ATTRIBUE}\\d{6}$`));
    }
    // A number of the wrong type is the rules' to refuse, not replaced.
    expect(lireDepot({ cerfa: { ...sans(), numeroInterne: 42 } })).toMatchObject({ attribuer: false, cerfa: { numeroInterne: 42 } });
  });

  it('cuts date-times to their date for the rules and the store', () => {
    const cerfa = { ...validCerfa('N-5'), apprenti: { ...validCerfa().apprenti, dateNaissance: '2004-09-01T00:00:00+02:00' } };
    expect(lireDepot({ cerfa }).cerfa.apprenti.dateNaissance).toBe('2004-09-01');
  });

  it('refuses two different numbers, naming numeroInterne, and a CERFA outside the wrapper, naming cerfa', () => {
    const conflit = refus({ numeroInterne: 'A', cerfa: validCerfa('B') });
    expect(conflit.status).toBe(400);
    expect(conflit.body().errors).toEqual([expect.objectContaining({ code: 'NUMERO_INTERNE_CONTRADICTOIRE', champ: 'numeroInterne' })]);
    for (const body of [validCerfa('C'), null, [], 'cerfa', { cerfa: 'x' }]) {
      expect(refus(body).body().errors).toEqual([expect.objectContaining({ code: 'CHAMP_OBLIGATOIRE', champ: 'cerfa' })]);
    }
  });
});
