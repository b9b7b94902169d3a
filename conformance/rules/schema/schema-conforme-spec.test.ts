// schema-conforme-spec reports the schema errors the shell found, passes on none, and skips when nothing was checked.
import { describe, expect, it } from 'vitest';
import rule from './schema-conforme-spec.js';
import { factureValide } from '../fixtures/facture-valide.js';

describe('schema-conforme-spec', () => {
  const facture = factureValide();

  it('passes when the shell found no schema error', () => {
    expect(rule.check(facture, { erreursSchema: [] })).toEqual({ outcome: 'pass' });
  });

  it('fails with one violation per schema error, naming the member', () => {
    const result = rule.check(facture, {
      erreursSchema: [
        { champ: 'dateFacture', description: 'Le champ dateFacture ne respecte pas le format date' },
        { champ: 'lignes', description: 'Le champ lignes est invalide' },
      ],
    });
    expect(result).toMatchObject({ outcome: 'fail', violations: [{ path: 'dateFacture', message: 'Le champ dateFacture ne respecte pas le format date' }, { path: 'lignes' }] });
  });

  it('skips when no compiled schema judged the payload', () => {
    expect(rule.check(facture, {}).outcome).toBe('skip');
  });

  it('plants a schema error', () => {
    const planted = rule.plant(facture, {});
    expect(rule.check(planted.payload, planted.context ?? {}).outcome).toBe('fail');
  });
});
