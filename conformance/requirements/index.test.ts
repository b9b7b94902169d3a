// The loader accepts well-formed clause files, names the file and item of a malformed clause, and rejects duplicate ids.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRequirements, parseRequirements, RequirementsError } from './index.js';

const clause = (id: string, extra = '') => `- id: ${id}
  source: { doc: faq-inter-opco, ref: "Section" }
  texte: "Texte de la clause"
  niveau: obligatoire
  confiance: confirmed
${extra}`;

describe('parseRequirements', () => {
  it('returns the clauses with their file', () => {
    const [req] = parseRequirements(clause('API-01', '  nonTeste: "plus tard"\n'), 'dir/api.yaml');
    expect(req).toEqual({
      id: 'API-01',
      source: { doc: 'faq-inter-opco', ref: 'Section' },
      texte: 'Texte de la clause',
      niveau: 'obligatoire',
      confiance: 'confirmed',
      nonTeste: 'plus tard',
      file: 'api',
    });
  });

  it('names the file, the item and the problem of a malformed clause', () => {
    const text = clause('API-01') + clause('API-02').replace('niveau: obligatoire', 'niveau: SHALL');
    expect(() => parseRequirements(text, 'api.yaml')).toThrow(/^api\.yaml: item 2 \(API-02\): \/niveau must be one of obligatoire, recommandé, information$/);
    expect(() => parseRequirements(clause('API-03').replace('  texte: "Texte de la clause"\n', ''), 'api.yaml')).toThrow(
      /item 1 \(API-03\): clause must have required property 'texte'/,
    );
    expect(() => parseRequirements(clause('API-04', '  nonteste: x\n'), 'api.yaml')).toThrow(/unknown field 'nonteste'/);
    expect(() => parseRequirements(clause('api 5'), 'api.yaml')).toThrow(/\/id must match pattern/);
    expect(() => parseRequirements('id: API-01', 'api.yaml')).toThrow(/expected a YAML list/);
    expect(() => parseRequirements('- [', 'api.yaml')).toThrow(RequirementsError);
  });
});

describe('loadRequirements', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'requirements-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads every YAML file in name order', () => {
    writeFileSync(join(dir, 'b.yaml'), clause('B-01'));
    writeFileSync(join(dir, 'a.yaml'), clause('A-01') + clause('A-02'));
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    expect(loadRequirements(dir).map((r) => `${r.file}:${r.id}`)).toEqual(['a:A-01', 'a:A-02', 'b:B-01']);
  });

  it('rejects an id used in two files, naming both', () => {
    writeFileSync(join(dir, 'a.yaml'), clause('X-01'));
    writeFileSync(join(dir, 'b.yaml'), clause('X-01'));
    expect(() => loadRequirements(dir)).toThrow(/b\.yaml: duplicate requirement id X-01 \(already in .*a\.yaml\)/);
  });

  it('loads the project requirement files', () => {
    const all = loadRequirements();
    const ids = all.map((r) => r.id);
    expect(ids.filter((id) => id.startsWith('API-')).length).toBeGreaterThanOrEqual(10);
    expect(ids.filter((id) => id.startsWith('CDV-')).length).toBeGreaterThanOrEqual(10);
    expect(all.filter((r) => r.file === 'api').every((r) => r.id.startsWith('API-'))).toBe(true);
    expect(all.filter((r) => r.file === 'cycle-de-vie').every((r) => r.id.startsWith('CDV-'))).toBe(true);
  });
});
