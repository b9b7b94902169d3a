// The rule registry's invariants: ids, metadata, areas, codes, cited requirements, coverage and a test for every rule.
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue } from './index.js';
import { ruleCode, type Rule } from './rule.js';
import { loadRequirements } from '../requirements/index.js';
import { SEVERITIES } from '../engine/severity.js';
import { PAYLOAD_KINDS } from '../engine/kind.js';

const rulesDir = import.meta.dirname;
// Payload kinds, plus the HTTP exchanges judged by the 'serveur' rules (their good and bad cases: serveur/serveur.test.ts)
// and the certification sessions judged by the 'client' rules (client/client.test.ts).
const RULE_KINDS: readonly string[] = [...PAYLOAD_KINDS, 'echange', 'session'];
// An area is a folder with an index.ts exporting its rule list; other folders (fixtures…) are not areas.
const areas = readdirSync(rulesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(rulesDir, entry.name, 'index.ts')))
  .map((entry) => entry.name)
  .sort();

const isRule = (value: unknown): value is Rule<any> =>
  value !== null && typeof value === 'object' && typeof (value as Rule).id === 'string' && typeof (value as Rule).check === 'function';

/** Rule files sit in their area folder, one rule per file named after its id; helpers and tests are skipped. */
function ruleFiles(area: string): string[] {
  return readdirSync(join(rulesDir, area)).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'index.ts');
}

const duplicates = (values: string[]): string[] => [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];

describe('rule catalogue', () => {
  it('has unique kebab-case ids', () => {
    const ids = catalogue.map((rule) => rule.id);
    expect(duplicates(ids)).toEqual([]);
    expect(ids.filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))).toEqual([]);
  });

  it('gives every rule a French title, a severity, payload kinds, a check and a plant', () => {
    const problems: string[] = [];
    for (const rule of catalogue) {
      if (typeof rule.title !== 'string' || rule.title.trim() === '' || rule.title === rule.id) problems.push(`${rule.id}: no title`);
      if (!SEVERITIES.includes(rule.severity)) problems.push(`${rule.id}: severity '${String(rule.severity)}'`);
      if (!Array.isArray(rule.appliesTo) || rule.appliesTo.length === 0) problems.push(`${rule.id}: appliesTo empty`);
      else if (rule.appliesTo.some((kind) => !RULE_KINDS.includes(kind))) problems.push(`${rule.id}: appliesTo ${rule.appliesTo.join(',')}`);
      if (typeof rule.check !== 'function') problems.push(`${rule.id}: no check`);
      if (typeof rule.plant !== 'function') problems.push(`${rule.id}: no plant`);
      if (!Array.isArray(rule.requirements)) problems.push(`${rule.id}: requirements is not a list`);
    }
    expect(problems).toEqual([]);
  });

  it('has unique error codes, but for the one FAQ motive two rules check (FAQ rejet n° 3, one published code)', () => {
    expect(duplicates(catalogue.map((rule) => ruleCode(rule)))).toEqual(['FRAIS_ANNEXES_DEPASSEMENT']);
  });

  it('files every rule under the folder of its area, registered through that folder\'s index', async () => {
    const registered = new Set<Rule<any>>();
    const problems: string[] = [];
    const registry = readFileSync(join(rulesDir, 'index.ts'), 'utf8');
    for (const area of areas) if (!registry.includes(`'./${area}/index.js'`)) problems.push(`${area}/: not imported by rules/index.ts`);
    for (const area of areas) {
      const module = (await import(/* @vite-ignore */ join(rulesDir, area, 'index.ts'))) as Record<string, unknown>;
      const lists = Object.values(module).filter((value): value is Rule<any>[] => Array.isArray(value));
      if (lists.length !== 1) {
        problems.push(`${area}/index.ts: expected one exported rule list, found ${lists.length}`);
        continue;
      }
      for (const rule of lists[0]!) {
        registered.add(rule);
        if (rule.area !== area) problems.push(`${rule.id}: area '${rule.area}' but listed in ${area}/`);
      }
    }
    for (const rule of catalogue) if (!registered.has(rule)) problems.push(`${rule.id}: in the catalogue but in no area list`);
    for (const rule of registered) if (!catalogue.includes(rule)) problems.push(`${rule.id}: in ${rule.area}/index.ts but not in the catalogue`);
    expect(problems).toEqual([]);
  });

  it('registers every rule file, and names each file after its rule id', async () => {
    const problems: string[] = [];
    for (const area of areas) {
      for (const name of ruleFiles(area)) {
        const module = (await import(/* @vite-ignore */ join(rulesDir, area, name))) as { default?: unknown };
        if (!isRule(module.default)) continue; // a helper module
        const rule = module.default;
        if (`${rule.id}.ts` !== name) problems.push(`${area}/${name}: holds rule ${rule.id}`);
        if (!catalogue.includes(rule)) problems.push(`${area}/${name}: rule ${rule.id} is not registered in ${area}/index.ts`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every rule a good and a bad case', async () => {
    // The generic catalogue test runs each rule on generated valid payloads (pass) and on its plant (fail).
    const generic = join(rulesDir, '..', 'generate', 'catalogue.test.ts');
    if (existsSync(generic)) {
      const text = readFileSync(generic, 'utf8');
      const imported = /import\s*\{([^}]*)\}\s*from\s*'\.\.\/rules\/index\.js'/.exec(text)?.[1] ?? '';
      expect(text, 'catalogue.test.ts must plant every rule (its bad case)').toMatch(/\bplant(Record)?\(/);
      if (/\bcatalogue\b/.test(imported)) {
        expect(text, 'catalogue.test.ts must iterate the catalogue').toMatch(/of\s+catalogue\b|catalogue\s*\.\s*(forEach|map|filter)\(|each\(\s*catalogue/);
        return;
      }
      // Or per kind, through rulesFor(kind): then every kind must be iterated, which covers every rule.
      expect(imported, 'catalogue.test.ts must import the catalogue or rulesFor from rules/index.js').toMatch(/\brulesFor\b/);
      expect(text, 'catalogue.test.ts must call rulesFor for every kind').toMatch(/for\s*\(\s*const\s+kind\s+of\s+KINDS\s*\)[\s\S]*rulesFor\(kind\)/);
      const { KINDS } = (await import(/* @vite-ignore */ join(rulesDir, '..', 'generate', 'index.ts'))) as { KINDS: readonly string[] };
      expect([...KINDS].sort()).toEqual([...PAYLOAD_KINDS].sort());
      return;
    }
    // Until it exists, each rule id must appear in a test file of the rules.
    const tests = areas.flatMap((area) =>
      readdirSync(join(rulesDir, area))
        .filter((name) => name.endsWith('.test.ts'))
        .map((name) => readFileSync(join(rulesDir, area, name), 'utf8')),
    );
    expect(catalogue.filter((rule) => !tests.some((text) => text.includes(rule.id))).map((rule) => rule.id)).toEqual([]);
  });
});

describe('rules and requirements', () => {
  const requirements = loadRequirements();
  const ids = new Set(requirements.map((r) => r.id));
  const cited = new Set(catalogue.flatMap((rule) => rule.requirements));

  it('cites only requirements that exist', () => {
    const unknown = catalogue.flatMap((rule) => rule.requirements.filter((id) => !ids.has(id)).map((id) => `${rule.id} → ${id}`));
    expect(unknown).toEqual([]);
  });

  it('leaves no requirement both cited and marked nonTeste, nor neither', () => {
    expect(requirements.filter((r) => cited.has(r.id) && r.nonTeste !== undefined).map((r) => `${r.id}: cited and nonTeste`)).toEqual([]);
    expect(requirements.filter((r) => !cited.has(r.id) && r.nonTeste === undefined).map((r) => `${r.id}: uncovered`)).toEqual([]);
  });
});
