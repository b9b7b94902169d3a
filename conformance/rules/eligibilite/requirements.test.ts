// The requirement files of the coherence and eligibility areas: shape, and every clause verified or explained.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRequirements, requirementsDir } from '../../requirements/index.js';
import { coherenceRules } from '../coherence/index.js';
import { eligibiliteRules } from './index.js';

const clauses = ['coherence.yaml', 'eligibilite.yaml'].flatMap((file) =>
  parseRequirements(readFileSync(join(requirementsDir(), file), 'utf8'), file),
);
const rules = [...coherenceRules, ...eligibiliteRules];
const cited = new Set(rules.flatMap((rule) => rule.requirements));

describe('coherence.yaml and eligibilite.yaml', () => {
  it('hold well-formed clauses with the COH-, ELIG- and REM- prefixes', () => {
    expect(clauses.length).toBeGreaterThanOrEqual(45);
    expect(clauses.filter((c) => !/^(COH|ELIG|REM)-[0-9]{2}$/.test(c.id)).map((c) => c.id)).toEqual([]);
  });

  it('are what the rules of both areas cite, and only that', () => {
    const ids = new Set(clauses.map((c) => c.id));
    expect([...cited].filter((id) => !ids.has(id))).toEqual([]);
    expect(rules.filter((r) => r.requirements.length === 0).map((r) => r.id)).toEqual([]);
  });

  it('leave no clause both unverified and unexplained, nor both verified and marked nonTeste', () => {
    expect(clauses.filter((c) => !cited.has(c.id) && c.nonTeste === undefined).map((c) => c.id)).toEqual([]);
    expect(clauses.filter((c) => cited.has(c.id) && c.nonTeste !== undefined).map((c) => c.id)).toEqual([]);
  });

  it('cover every control of research §3.2 this kit takes on (A1, A5, D1–D9, F1–F4, M1–M3, W1, C1–C2, Q1)', () => {
    const refs = clauses.map((c) => c.source.ref).join(' ');
    for (const control of ['A1', 'A5', 'A6', 'A7', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'F1', 'F2', 'F3', 'F4', 'M1', 'M2', 'M3', 'W1', 'C1', 'C2', 'Q1']) {
      expect(refs, control).toMatch(new RegExp(`\\b${control}\\b`));
    }
  });
});
