// The tool's version has one source, package.json: `--version` and the reports' `tool.version` agree with it.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from './main.js';
import { captureIO } from './testing.js';
import { packageVersion } from '../conformance/engine/package-root.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const saved = process.env.npm_package_version;

afterEach(() => {
  if (saved === undefined) delete process.env.npm_package_version;
  else process.env.npm_package_version = saved;
});

describe('the version', () => {
  it('is package.json\'s in the reports', () => {
    expect(packageVersion()).toBe(pkg.version);
  });

  it('--version prints package.json\'s, not npm_package_version (the calling project\'s when run through npm)', async () => {
    process.env.npm_package_version = '9.9.9';
    const io = captureIO();
    expect(await main(['node', 'convergence', '--version'], io)).toBe(0);
    expect(io.out().trim()).toBe(pkg.version);
  });
});
