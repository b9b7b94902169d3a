// Smoke test of the built CLI as a user runs it: `node bin/convergence.js lint --help` in a real process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('bin/convergence.js lint (spawned)', () => {
  it('prints the lint help and exits 0 (needs `npx tsc -p tsconfig.build.json` first)', () => {
    expect(existsSync(`${root}dist/cli/commands/lint.js`), 'dist/ is missing: run `npx tsc -p tsconfig.build.json`').toBe(true);
    const run = spawnSync(process.execPath, ['bin/convergence.js', 'lint', '--help'], { cwd: root, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: convergence lint [options] [spec-file]');
    expect(run.stdout).toContain('--fail-severity <severity>');
    expect(run.stdout).toContain('--format <format>');
    expect(run.stderr).toBe('');
  });
});
