// The identifiants and cerfa rules cite existing clauses, and each clause of their two files is cited or says why not.
// A clause may be verified by a rule of another area: CERFA-01 (the mandate) by the convention's mandatEmployeur.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRequirements, parseRequirements, requirementsDir } from '../../requirements/index.js';
import { identifiantsRules } from './index.js';
import { cerfaRules } from '../cerfa/index.js';
import { catalogue } from '../index.js';

const clauses = ['identifiants.yaml', 'cerfa.yaml'].flatMap((f) =>
  parseRequirements(readFileSync(join(requirementsDir(), f), 'utf8'), f),
);
const regles = [...identifiantsRules, ...cerfaRules];

describe('requirements of the identifiants and cerfa areas', () => {
  it('rules cite clauses of these files (and, besides, only existing ones: COH-31 for the SIRENE state)', () => {
    const ids = new Set(clauses.map((c) => c.id));
    const tous = new Set(loadRequirements().map((c) => c.id));
    for (const r of regles) {
      expect(r.requirements.some((id) => ids.has(id)), r.id).toBe(true);
      for (const id of r.requirements) expect(tous.has(id), `${r.id} cites ${id}`).toBe(true);
    }
  });

  it('every clause is cited by a rule or says why it is not tested, never both', () => {
    const cites = new Set(catalogue.flatMap((r) => r.requirements));
    for (const c of clauses) expect(cites.has(c.id) !== (c.nonTeste !== undefined), c.id).toBe(true);
  });

  it('the CERFA deposit carries no mandate: CERFA-01 is verified on the convention', () => {
    const citant = catalogue.filter((r) => r.requirements.includes('CERFA-01')).map((r) => r.id);
    expect(citant).toEqual(['convention-mandat-employeur']);
  });

  it('rule ids are unique kebab-case', () => {
    const ids = regles.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
