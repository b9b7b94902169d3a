// Tests of the lint engine's own contract: where it finds the package, and how input problems come back as values.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledSpecPath, lintFile, packageRoot } from './lint.js';
import { bundledRuleset } from './testing.js';

const scratch = mkdtempSync(join(tmpdir(), 'convergence-engine-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('lint engine', () => {
  it('finds the package root from the sources and from the compiled dist/ layout alike', () => {
    const root = packageRoot();
    expect(packageRoot(new URL('../../dist/spec/ruleset/lint.js', import.meta.url).href)).toBe(root);
    expect(bundledSpecPath()).toBe(join(root, 'spec', 'openapi.yaml'));
  });

  it('returns input problems as typed values with the line and column of a syntax error', async () => {
    const ruleset = await bundledRuleset();
    const missing = await lintFile(join(scratch, 'absent.yaml'), ruleset);
    expect(missing).toMatchObject({ ok: false, problem: { kind: 'missing' } });

    const broken = join(scratch, 'broken.yaml');
    writeFileSync(broken, 'openapi: 3.0.3\ninfo:\n  title: t\n   version: 1\n');
    expect(await lintFile(broken, ruleset)).toMatchObject({ ok: false, problem: { kind: 'unparsable', file: broken, line: 4 } });

    const list = join(scratch, 'list.yaml');
    writeFileSync(list, '- a\n- b\n');
    expect(await lintFile(list, ruleset)).toMatchObject({ ok: false, problem: { kind: 'empty' } });
  });
});
