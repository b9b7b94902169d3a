// Tests of the ruleset as a whole: its declared rules, its fixtures, reuse through `extends`, and $ref resolution.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundledRulesetPath, loadRuleset, packageRoot } from './lint.js';
import { bundledRuleset, fixturePath, lint } from './testing.js';

const CUSTOM_RULES = {
  'convergence-operation-security': 'error',
  'convergence-error-body': 'error',
  'convergence-error-responses': 'error',
  'convergence-french-description': 'error',
  'convergence-x-source': 'error',
  'convergence-identifier-component': 'error',
  'convergence-date-format': 'warn',
} as const;

const scratch = mkdtempSync(join(tmpdir(), 'convergence-ruleset-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('convergence.spectral.yaml', () => {
  const source = parse(readFileSync(bundledRulesetPath(), 'utf8')) as {
    extends: unknown;
    rules: Record<string, { description?: string; message?: string; severity?: string }>;
  };

  it('extends spectral:oas (recommended) and declares exactly the convergence rules, each fully described', async () => {
    expect(source.extends).toEqual([['spectral:oas', 'recommended']]);
    expect(Object.keys(source.rules).sort()).toEqual(Object.keys(CUSTOM_RULES).sort());
    for (const [id, severity] of Object.entries(CUSTOM_RULES)) {
      const rule = source.rules[id];
      expect(id).toMatch(/^convergence-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule?.description?.length ?? 0, `${id} description`).toBeGreaterThan(20);
      expect(rule?.message, `${id} message`).toBe('{{error}}');
      expect(rule?.severity, `${id} severity`).toBe(severity);
    }
    const loaded = await bundledRuleset();
    expect(loaded.rules['operation-operationId']?.enabled).toBe(true);
    expect(loaded.rules['convergence-error-body']?.enabled).toBe(true);
  });

  it('has, for every custom rule, a good and a bad fixture and a test file named after the rule', () => {
    for (const id of Object.keys(CUSTOM_RULES)) {
      expect(existsSync(fixturePath(`${id}/good.yaml`)), `${id}/good.yaml`).toBe(true);
      expect(existsSync(fixturePath(`${id}/bad.yaml`)), `${id}/bad.yaml`).toBe(true);
      expect(existsSync(join(packageRoot(), 'spec', 'ruleset', `${id}.test.ts`)), `${id}.test.ts`).toBe(true);
    }
  });

  it('is documented in docs/ruleset.md: every rule with its severity, and no rule that does not exist', () => {
    const docs = readFileSync(join(packageRoot(), 'docs', 'ruleset.md'), 'utf8');
    for (const [id, severity] of Object.entries(CUSTOM_RULES)) {
      expect(docs, `${id} row`).toMatch(new RegExp(`\\| \`${id}\` \\| ${severity} \\|`));
    }
    const mentioned = new Set(docs.match(/convergence-[a-z]+(?:-[a-z]+)*/g));
    mentioned.delete('convergence-kit');
    expect([...mentioned].sort()).toEqual(Object.keys(CUSTOM_RULES).sort());
  });

  it('finds nothing at all, not even a spectral:oas hint, in the minimal document that follows the conventions', async () => {
    const results = await lint(fixturePath('minimal-valid.yaml'));
    expect(results.map((r) => `${r.code} ${r.path.join('.')} ${r.message}`)).toEqual([]);
  });

  it('can be reused from a user ruleset with extends, and its rules turned off by id', async () => {
    const project = join(scratch, 'user-project');
    mkdirSync(join(project, 'node_modules'), { recursive: true });
    symlinkSync(packageRoot(), join(project, 'node_modules', 'convergence-kit'), 'dir');
    const userRuleset = join(project, '.spectral.yaml');
    writeFileSync(
      userRuleset,
      'extends: ["./node_modules/convergence-kit/spec/ruleset/convergence.spectral.yaml"]\n' +
        'rules:\n  convergence-date-format: off\n',
    );
    const loaded = await loadRuleset(userRuleset);
    if (!loaded.ok) throw new Error(loaded.problem.message);

    const security = await lint(fixturePath('convergence-operation-security/bad.yaml'), loaded.value);
    expect(security.filter((r) => r.code === 'convergence-operation-security')).toHaveLength(6);
    const dates = await lint(fixturePath('convergence-date-format/bad.yaml'), loaded.value);
    expect(dates.some((r) => r.code === 'convergence-x-source')).toBe(true);
    expect(dates.some((r) => r.code === 'convergence-date-format')).toBe(false);
  });

  it('resolves $refs to other files before checking the resolved rules', async () => {
    const dir = join(scratch, 'multi-file');
    mkdirSync(dir, { recursive: true });
    const header = (name: string, required: boolean) =>
      `  ${name}: { name: ${name.toUpperCase()}, in: header, required: ${required}, schema: { type: string } }\n`;
    writeFileSync(join(dir, 'headers.yaml'), header('Editeur', true) + header('Logiciel', true) + header('Version', false));
    writeFileSync(
      join(dir, 'api.yaml'),
      [
        'openapi: 3.0.3',
        'info: { title: t, version: "1" }',
        'security: [{ cfaKey: [] }]',
        'paths:',
        '  /v1/a:',
        '    get:',
        '      parameters:',
        "        - $ref: './headers.yaml#/Editeur'",
        "        - $ref: './headers.yaml#/Logiciel'",
        "        - $ref: './headers.yaml#/Version'",
        "      responses: { '200': { description: OK } }",
        'components:',
        '  securitySchemes: { cfaKey: { type: apiKey, in: header, name: X-API-KEY } }',
        '',
      ].join('\n'),
    );
    const results = await lint(join(dir, 'api.yaml'));
    expect(results.filter((r) => r.code === 'convergence-operation-security').map((r) => r.message)).toEqual([
      'GET /v1/a: header parameter VERSION must be required.',
    ]);
  });
});
