// The problem catalogue: unique titles, RFC 7807 bodies, and every code used by the mock's sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MockProblem, PROBLEMS, problemType, type ProblemCode } from './errors.js';

const here = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'errors.ts' ? [path] : [];
  });
}

describe('problem catalogue', () => {
  it('has one title per code and statuses of errors', () => {
    const titles = Object.values(PROBLEMS).map((p) => p.title);
    expect(new Set(titles).size).toBe(titles.length);
    for (const p of Object.values(PROBLEMS)) expect(p.status).toBeGreaterThanOrEqual(400);
  });

  it('lists only codes the mock really sends', () => {
    const text = sources(here).map((f) => readFileSync(f, 'utf8')).join('\n');
    const unused = Object.keys(PROBLEMS).filter((code) => !text.includes(`'${code}'`) && !['ERREUR_SIMULEE', 'TROP_DE_REQUETES', 'SERVICE_INDISPONIBLE'].includes(code));
    expect(unused).toEqual([]);
  });

  it('builds RFC 7807 bodies with the norm errors list', () => {
    const body = new MockProblem('DOSSIER_INCONNU' as ProblemCode, 'absent', [], { status: 400 }).body();
    expect(body).toEqual({
      type: problemType('DOSSIER_INCONNU'),
      title: PROBLEMS.DOSSIER_INCONNU.title,
      status: 400,
      detail: 'absent',
      errors: [{ code: 'DOSSIER_INCONNU', description: 'absent' }],
    });
  });
});

describe('error bodies per OPCO profile (erreurDescriptionRacine)', () => {
  const problem = new MockProblem('JETON_ABSENT', 'Jeton absent');

  it('adds no top-level member by default (the norm)', () => {
    expect(Object.keys(problem.body())).toEqual(['type', 'title', 'status', 'detail', 'errors']);
  });

  it('repeats the detail as a top-level description (Atlas) or comment (OPCO EP), errors[] unchanged', () => {
    expect(problem.body('description')).toMatchObject({ description: 'Jeton absent', errors: [{ code: 'JETON_ABSENT' }] });
    expect(problem.body('description')).not.toHaveProperty('comment');
    expect(problem.body('comment')).toMatchObject({ comment: 'Jeton absent', status: 401 });
  });
});
