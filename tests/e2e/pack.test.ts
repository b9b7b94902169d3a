// The published package: `npm pack` of the built tree installs into an empty project, whose bins run the quick start.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverProcess, type MockProcess } from '../support/process.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string; files: string[] };
const npmAvailable = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status === 0;
if (!npmAvailable) console.warn('pack.test.ts: SKIPPED — npm is not on the PATH, the package cannot be packed and installed');

const dir = mkdtempSync(join(tmpdir(), 'convergence-pack-'));
const project = join(dir, 'project');
let tarball = '';
let packed: { path: string; size: number }[] = [];
let packSize = 0;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, timeout = 120_000): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, ...env } });
}
const bin = (name: string): string => join(project, 'node_modules', '.bin', name);
const cli = (args: string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> => run(bin('convergence-kit'), args, project, env);
const shown = (r: SpawnSyncReturns<string>): string => `exit ${r.status}\n${r.stdout}\n${r.stderr}`;

beforeAll(() => {
  if (!npmAvailable) return;
  // The tree is built by `npm test` (npm run build) before vitest; `prepack` builds it for a real `npm pack`.
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], root);
  if (pack.status !== 0) throw new Error(`npm pack failed: ${shown(pack)}`);
  const [result] = JSON.parse(pack.stdout) as { filename: string; size: number; files: { path: string; size: number }[] }[];
  tarball = join(dir, result!.filename);
  packed = result!.files;
  packSize = result!.size;
  // An empty project, as a user would have it: nothing but the tarball.
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'empty-project', version: '1.0.0', private: true }));
  // Install scripts aside: the only one the kit needs is better-sqlite3's, which downloads a prebuilt addon or, offline,
  // compiles one (a minute and more of CPU). The same version's addon, built for this Node in the repository, is copied.
  const install = run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], project, {}, 540_000);
  if (install.status !== 0) throw new Error(`npm install of the tarball failed: ${shown(install)}`);
  const sqlite = (base: string): string => join(base, 'node_modules', 'better-sqlite3');
  const version = (base: string): string => (JSON.parse(readFileSync(join(sqlite(base), 'package.json'), 'utf8')) as { version: string }).version;
  const addon = join('build', 'Release', 'better_sqlite3.node');
  if (version(project) === version(root) && existsSync(join(sqlite(root), addon))) {
    mkdirSync(join(sqlite(project), 'build', 'Release'), { recursive: true });
    copyFileSync(join(sqlite(root), addon), join(sqlite(project), addon));
  } else {
    const rebuild = run('npm', ['rebuild', 'better-sqlite3'], project, {}, 540_000);
    if (rebuild.status !== 0) throw new Error(`npm rebuild better-sqlite3 failed: ${shown(rebuild)}`);
  }
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }), 120_000);

describe.skipIf(!npmAvailable)('npm pack → npm install → the bins', () => {
  it('ships the built CLI and every asset it reads at run time, and no tests, sources or maps', () => {
    const paths = packed.map((f) => f.path);
    for (const needed of [
      'LICENSE',
      'README.md',
      'bin/convergence.js',
      'dist/cli/main.js',
      'dist/cli/commands/validate-worker.js',
      'spec/openapi.yaml',
      'spec/ruleset/convergence.spectral.yaml',
      'scenarios/schema.json',
      'mocks/profiles.yaml',
      'mocks/data/referentiel.yaml',
      'mocks/examples/cerfa.json',
      'mocks/certification/script.yaml',
      'conformance/data/financement.yaml',
      'reports/suite/report.schema.json',
    ]) {
      expect(paths, needed).toContain(needed);
    }
    expect(paths.some((p) => p.startsWith('conformance/requirements/') && p.endsWith('.yaml'))).toBe(true);
    expect(paths.filter((p) => /\.test\.js$|\.map$|\.ts$/.test(p) || /^(tests|bench|dist\/bench|dist\/tests)\//.test(p))).toEqual([]);
    expect(packSize).toBeLessThan(3 * 1024 * 1024);
  });

  it('installs both bins; --version is package.json\'s, whatever npm_package_version says', () => {
    expect(existsSync(bin('convergence'))).toBe(true);
    const version = cli(['--version'], { npm_package_version: '9.9.9' });
    expect(version.status, shown(version)).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);
    expect(run(bin('convergence'), ['--version'], project).stdout.trim()).toBe(pkg.version);
  });

  it('validates an example of mocks/examples and lints the bundled spec', () => {
    const validate = cli(['validate', 'node_modules/convergence-kit/mocks/examples/cerfa.json', '--no-progress']);
    expect(validate.status, shown(validate)).toBe(0);
    const lint = cli(['lint']);
    expect(lint.status, shown(lint)).toBe(0);
  });

  describe('against the installed mock', () => {
    let mock: MockProcess;
    beforeAll(async () => {
      mock = await startInstalledMock();
    });
    afterAll(async () => {
      mock?.child.kill('SIGTERM');
      await mock?.exited;
    });

    it('test opco passes against it with its admin token and writes the reports', async () => {
      const suite = await runAsync(bin('convergence-kit'), ['test', 'opco', '--target', mock.url, '--cfa-key', 'demo-cfa-key', '--admin-token', 'demo-admin-token', '--seed', '42', '--no-progress', '--out', 'reports']);
      expect(suite.code, suite.output).toBe(0);
      for (const file of ['report.json', 'report.junit.xml', 'report.sarif', 'report.md', 'report.html']) expect(existsSync(join(project, 'reports', file)), file).toBe(true);
    }, 180_000);
  });

  it('test cfa --exec certifies the outside reader of tests/support around its own run', async () => {
    // The editor's test script lives outside the installed package, as an editor's own tests do.
    const reader = join(root, 'tests', 'support', 'lecteur-cfa.mjs');
    const run = await runAsync(bin('convergence-kit'), ['test', 'cfa', '--port', '0', '--store', 'memory', '--capabilities', 'lectures', '--duration', '2m', '--out', 'certification', '--format', 'json', '--exec', `node "${reader}"`]);
    expect(run.output).toContain('own dossier seen');
    expect(run.code, run.output).toBe(0);
  }, 180_000);
});

/** The installed `convergence-kit mock` on port 0 and a memory store, its URL read from what it prints. */
function startInstalledMock(): Promise<MockProcess> {
  return serverProcess(spawn(bin('convergence-kit'), ['mock', '--port', '0', '--store', 'memory'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] }));
}

function runAsync(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(command, args, { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => (output += String(c)));
  child.stderr.on('data', (c) => (output += String(c)));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}
