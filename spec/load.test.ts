// The spec loader: the bundled file by default, YAML or JSON on request, and typed errors that name the file and line.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledSpecPath, loadSpec, SpecLoadError } from './load.js';

const scratch = mkdtempSync(join(tmpdir(), 'convergence-spec-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function loadError(file: string): Promise<SpecLoadError> {
  const error: unknown = await loadSpec(file).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SpecLoadError);
  return error as SpecLoadError;
}

describe('loadSpec', () => {
  it('loads the bundled spec by default', async () => {
    const { path, document } = await loadSpec();
    expect(path).toBe(bundledSpecPath());
    expect(document.openapi).toBe('3.0.3');
    expect(Object.keys(document.paths as object)).toContain('/v2/dossiers');
  });

  it('finds the bundled spec from the sources and from the compiled dist/ layout alike', () => {
    const path = bundledSpecPath();
    expect(existsSync(path)).toBe(true);
    const root = join(path, '..', '..');
    expect(bundledSpecPath(pathToFileURL(join(root, 'dist', 'spec', 'load.js')).href)).toBe(path);
  });

  it('loads a JSON file (such as an official spec exported as JSON)', async () => {
    const file = join(scratch, 'official.json');
    writeFileSync(file, JSON.stringify({ openapi: '3.0.4', info: { title: 'officiel', version: '2' }, paths: {} }, null, 2));
    const { path, document } = await loadSpec(file);
    expect(path).toBe(file);
    expect(document).toMatchObject({ openapi: '3.0.4', info: { title: 'officiel' } });
  });

  it('reports a missing file as a SpecLoadError naming the file', async () => {
    const file = join(scratch, 'absent.yaml');
    const error = await loadError(file);
    expect(error.file).toBe(file);
    expect(error.message).toContain('file not found');
    expect(error.line).toBeUndefined();
  });

  it('reports broken YAML with the file, line and column of the problem', async () => {
    const file = join(scratch, 'broken.yaml');
    writeFileSync(file, 'openapi: 3.0.3\ninfo:\n  title: t\n  version: 1\n paths: {}\n');
    const error = await loadError(file);
    expect(error.file).toBe(file);
    expect(error.line).toBe(5);
    expect(error.column).toBeGreaterThan(0);
    expect(error.message).toContain(file);
  });

  it('reports broken JSON and duplicated keys with their line', async () => {
    const json = join(scratch, 'broken.json');
    writeFileSync(json, '{\n  "openapi": "3.0.3",\n  "paths": {\n    "/a": {]\n  }\n}\n');
    expect((await loadError(json)).line).toBe(4);

    const duplicated = join(scratch, 'duplicated.yaml');
    writeFileSync(duplicated, 'openapi: 3.0.3\npaths:\n  /a: {}\n  /a: {}\n');
    expect((await loadError(duplicated)).line).toBe(4);
  });

  it('rejects a document whose root is not a mapping', async () => {
    const file = join(scratch, 'list.yaml');
    writeFileSync(file, '- a\n- b\n');
    expect((await loadError(file)).message).toContain('not an OpenAPI document');
  });
});
