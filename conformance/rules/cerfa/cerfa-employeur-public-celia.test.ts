// Tests of cerfa-employeur-public-celia (CERFA-29: a public employer under administrative law goes to CELIA).
import { describe, it, expect } from 'vitest';
import rule from './cerfa-employeur-public-celia.js';
import { cerfaValide } from '../fixtures/cerfa-valide.js';

const siret = cerfaValide().employeur.siret;
const categorie = (categorieJuridique?: string) => ({
  sirene: { etablissements: { [siret]: { etat: 'A' as const, ...(categorieJuridique ? { categorieJuridique } : {}) } } },
});

describe('cerfa-employeur-public-celia', () => {
  it('passes for private bodies and EPICs, informs for a body under administrative law', () => {
    for (const c of ['5710', '5499', '9220', '4110']) expect(rule.check(cerfaValide(), categorie(c)).outcome, c).toBe('pass');
    const result = rule.check(cerfaValide(), categorie('7210'));
    expect(result.outcome === 'fail' && result.violations.map((v) => [v.path, v.received])).toEqual([['employeur.siret', `${siret} (catégorie juridique 7210)`]]);
    expect(rule.severity).toBe('information');
  });

  it('skips without SIRENE or for an employer SIRENE does not know; not applicable without a category', () => {
    expect(rule.check(cerfaValide(), {}).outcome).toBe('skip');
    expect(rule.check(cerfaValide(), { sirene: { etablissements: {} } }).outcome).toBe('skip');
    expect(rule.check(cerfaValide(), categorie()).outcome).toBe('not-applicable');
  });
});
