// Tests of `convergence lint` through main(): exit codes, formats, options and input errors, with fake streams.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { main } from '../main.js';
import { fixturePath } from '../../spec/ruleset/testing.js';
import { captureIO } from '../testing.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const scratch = mkdtempSync(join(tmpdir(), 'convergence-lint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function lint(...args: string[]): Promise<Run> {
  const io = captureIO(scratch);
  const code = await main(['node', 'convergence', 'lint', ...args], io);
  return { code, stdout: io.out(), stderr: io.err() };
}

/** A copy of the minimal valid document, changed by `edit`, written under the scratch directory. */
function variant(name: string, edit: (doc: any) => void): string {
  const doc = parse(readFileSync(fixturePath('minimal-valid.yaml'), 'utf8'));
  edit(doc);
  const file = join(scratch, name);
  writeFileSync(file, stringify(doc));
  return file;
}

const NO_STACK = /\n\s+at /;

describe('convergence lint', () => {
  it('passes on the bundled spec/openapi.yaml: exit 0 and no error-severity finding', async () => {
    const run = await lint('--format', 'json');
    expect(run.stderr).toBe('');
    const errors = (JSON.parse(run.stdout) as Array<{ code: string; severity: number; path: string[]; message: string }>)
      .filter((r) => r.severity === 0)
      .map((r) => `${r.code} ${r.path.join('.')}: ${r.message}`);
    expect(errors).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('passes on the minimal valid document, with a plain-text summary', async () => {
    const run = await lint(fixturePath('minimal-valid.yaml'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('minimal-valid.yaml: no findings.');
    expect(run.stderr).toBe('');
  });

  it('exits 1 and names convergence-operation-security when an operation loses its security', async () => {
    const file = variant('no-security.yaml', (doc) => {
      delete doc.security;
    });
    const run = await lint(file);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('convergence-operation-security');
    expect(run.stdout).toContain('GET /v1/dossiers/{numeroInterne} does not require the cfaKey scheme');
    expect(run.stdout).not.toMatch(/\u001b\[/); // not a terminal: no colour codes
  });

  it('exits 1 and names convergence-error-body when a 4xx response loses the shared error schema', async () => {
    const file = variant('no-error-body.yaml', (doc) => {
      doc.paths['/v1/dossiers/{numeroInterne}'].get.responses['404'] = { description: 'Introuvable.' };
    });
    const run = await lint(file);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('convergence-error-body');
    expect(run.stdout).toContain('Response 404 of GET /v1/dossiers/{numeroInterne} has no content');
  });

  it('exits 2 and names the file when it does not exist', async () => {
    const run = await lint('absent.yaml');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`file not found: ${join(scratch, 'absent.yaml')}`);
    expect(run.stderr).not.toMatch(NO_STACK);
  });

  it('exits 2 and names the file, line and column of a YAML syntax error', async () => {
    const file = join(scratch, 'broken.yaml');
    writeFileSync(file, 'openapi: 3.0.3\ninfo:\n  title: "unterminated\n  version: 1.0.0\npaths: {}\n');
    const run = await lint(file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: `));
    const line = Number(/broken\.yaml:(\d+):/.exec(run.stderr)?.[1]);
    expect(line).toBeGreaterThanOrEqual(3);
    expect(run.stderr).not.toMatch(NO_STACK);

    const badIndent = join(scratch, 'bad-indent.yaml');
    writeFileSync(badIndent, 'openapi: 3.0.3\ninfo:\n  title: t\n   version: 1\npaths: {}\n');
    const second = await lint(badIndent);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('bad-indent.yaml:4:');
  });

  it('exits 2 on an empty file', async () => {
    const file = join(scratch, 'empty.yaml');
    writeFileSync(file, '');
    const run = await lint(file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('empty.yaml is empty or is not a YAML/JSON object');
  });

  it('exits 2 on a YAML file that no rule applies to, instead of passing it', async () => {
    const file = join(scratch, 'not-openapi.yaml');
    writeFileSync(file, 'nom: Dupont\n');
    const run = await lint(file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}: The provided document does not match any of the registered formats`);
  });

  it('says so when a Swagger 2.0 file is linted: the convergence rules only apply to OpenAPI 3.x', async () => {
    const file = join(scratch, 'swagger.yaml');
    writeFileSync(file, 'swagger: "2.0"\ninfo: { title: t, version: "1" }\npaths: {}\n');
    const run = await lint(file);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('is not OpenAPI 3.x (swagger 2.0): the convergence-* rules did not run');
  });

  it('reports duplicate keys as findings (the file still parses), not as an input error', async () => {
    const file = join(scratch, 'duplicate.yaml');
    writeFileSync(file, readFileSync(fixturePath('minimal-valid.yaml'), 'utf8').replace('openapi: 3.0.3\n', 'openapi: 3.0.3\nopenapi: 3.0.3\n'));
    const run = await lint(file);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Duplicate key: openapi');
  });

  it('writes parseable JSON with --format json', async () => {
    const file = variant('json.yaml', (doc) => {
      delete doc.security;
    });
    const run = await lint(file, '--format', 'json');
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as Array<{ code: string; source: string; range: unknown }>;
    expect(results.some((r) => r.code === 'convergence-operation-security' && r.source === file)).toBe(true);
  });

  it('writes parseable SARIF with --format sarif, listing the convergence rules', async () => {
    const file = variant('sarif.yaml', (doc) => {
      doc.paths['/v1/dossiers/{numeroInterne}'].get.responses['404'] = { description: 'Introuvable.' };
    });
    const run = await lint(file, '--format', 'sarif');
    expect(run.code).toBe(1);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string }> }>;
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.tool.driver.rules.map((r) => r.id)).toContain('convergence-error-body');
    expect(sarif.runs[0]?.results.map((r) => r.ruleId)).toContain('convergence-error-body');
  });

  it('writes JUnit XML with --format junit', async () => {
    const run = await lint(fixturePath('convergence-x-source/bad.yaml'), '--format', 'junit');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^<\?xml/);
    expect(run.stdout).toContain('convergence-x-source');
  });

  it('fails on warnings only when --fail-severity says so', async () => {
    const file = variant('warning-only.yaml', (doc) => {
      delete doc.servers; // oas3-api-servers is a warning
    });
    expect((await lint(file)).code).toBe(0);
    const strict = await lint(file, '--fail-severity', 'warn');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('oas3-api-servers');
  });

  it('writes the report to --output and keeps stdout clean', async () => {
    const report = join(scratch, 'report.json');
    const run = await lint(fixturePath('convergence-x-source/bad.yaml'), '--format', 'json', '--output', 'report.json');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`Report written to ${report}`);
    expect((JSON.parse(readFileSync(report, 'utf8')) as unknown[]).length).toBeGreaterThan(0);
  });

  it('uses another ruleset with --ruleset', async () => {
    const ruleset = join(scratch, 'titles.spectral.yaml');
    writeFileSync(
      ruleset,
      'rules:\n  title-is-short:\n    description: short titles\n    message: title too long\n    severity: error\n' +
        '    given: $.info.title\n    then: { function: length, functionOptions: { max: 5 } }\n',
    );
    const run = await lint(fixturePath('minimal-valid.yaml'), '--ruleset', ruleset);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('title-is-short');
    expect(run.stdout).not.toContain('convergence-');
  });

  it('exits 2 when the ruleset is missing or invalid, or an option value is unknown', async () => {
    const missing = await lint(fixturePath('minimal-valid.yaml'), '--ruleset', 'nope.yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`ruleset not found: ${join(scratch, 'nope.yaml')}`);
    const invalid = join(scratch, 'invalid.spectral.yaml');
    writeFileSync(invalid, 'rules:\n  x:\n    given: $\n    then: { function: nope }\n');
    const broken = await lint(fixturePath('minimal-valid.yaml'), '--ruleset', invalid);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`cannot load ruleset ${invalid}: rules.x.then.function: Function is not defined`);
    const format = await lint('--format', 'xml');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('xml');
  });

  it('describes itself in --help', async () => {
    const run = await lint('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: convergence lint [options] [spec-file]');
    expect(run.stdout).toContain('--fail-severity');
    expect(run.stdout).toContain('Exit codes: 0');
  });

  it('lints a JSON document too, resolving the JSON parser from the extension', async () => {
    const file = join(scratch, 'minimal.json');
    writeFileSync(file, JSON.stringify(parse(readFileSync(fixturePath('minimal-valid.yaml'), 'utf8')), null, 2));
    const run = await lint(file);
    expect(run.code).toBe(0);
    writeFileSync(join(scratch, 'broken.json'), '{\n  "openapi": "3.0.3",,\n}\n');
    const broken = await lint('broken.json');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.json:2:');
  });
});
