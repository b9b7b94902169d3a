// The GitHub action's and the GitLab template's own steps, run here as a runner would run them (no network): both modes, their outputs, their verdicts.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startSuiteMock, type SuiteMock } from '../../conformance/suite/testdata.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'action-'));
let mock: SuiteMock;
beforeAll(async () => {
  mock = await startSuiteMock();
});
afterAll(async () => {
  await mock?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Step {
  name: string;
  id?: string;
  if?: string;
  run?: string;
  uses?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

/** A shell command run without blocking this process, which serves the mock the command talks to. */
function sh(shell: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(shell, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** GITHUB_OUTPUT's `key=value` and `key<<EOF … EOF` lines. */
function readOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([\w-]+)<<(\w+)$/.exec(lines[i]!);
    if (heredoc) {
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) body.push(lines[i]!);
      out[heredoc[1]!] = body.join('\n');
    } else {
      const m = /^([\w-]+)=(.*)$/.exec(lines[i]!);
      if (m) out[m[1]!] = m[2]!;
    }
  }
  return out;
}

/**
 * Runs the action's `run:` steps in order with its inputs, the way a runner expands `${{ … }}` (only the
 * expressions the action uses); `uses:` steps are listed, not run (they need GitHub), after checking what they upload exists.
 */
async function runAction(inputs: Record<string, string>, cwd: string) {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
  expect(action.runs.using).toBe('composite');
  const values: Record<string, string> = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? v.default ?? '']));
  const steps: Record<string, Record<string, string>> = {};
  const expand = (text: string): string =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
      if (expression === 'github.action_path') return ROOT;
      const input = /^inputs\.([\w-]+)$/.exec(expression);
      if (input) return values[input[1]!] ?? '';
      const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
      if (output) return steps[output[1]!]?.[output[2]!] ?? '';
      throw new Error(`expression the test does not know: ${expression}`);
    });
  const log: string[] = [];
  let verdict: number | undefined;
  for (const step of action.runs.steps) {
    // The install step would run `npm ci` in this very checkout, under the other tests' feet: its script is only
    // checked to be the one the action ships; the kit here is installed and built already.
    if (step.name === 'Install convergence-kit') {
      expect(step.run).toContain('integrations/github/install.sh');
      log.push(`${step.name}: not run here`);
      continue;
    }
    if (step.uses !== undefined) {
      const uploads = Object.values(step.with ?? {}).map(expand);
      log.push(`uses ${step.uses}: ${uploads.join(' ')}`);
      continue;
    }
    const outputFile = join(cwd, `output-${step.id ?? 'step'}`);
    writeFileSync(outputFile, '');
    const env = { ...process.env, GITHUB_OUTPUT: outputFile, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v)])) };
    const result = await sh(step.shell ?? 'bash', ['-c', expand(step.run!)], { cwd, env });
    log.push(`${step.name}: exit ${result.status}\n${result.stdout}${result.stderr}`);
    if (step.id) steps[step.id] = readOutputs(outputFile);
    if (step.name === 'Verdict') verdict = result.status ?? undefined;
    else if (result.status !== 0) throw new Error(`step ${step.name} failed: ${result.stderr}`);
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, expand(v.value)]));
  return { outputs, verdict, log: log.join('\n') };
}

describe('action.yml, run locally', () => {
  it('mode opco: runs the suite against a server, outputs the report paths, and its last step gives the verdict', async () => {
    const cwd = mkdtempSync(join(dir, 'opco-'));
    const { target } = mock;
    const run = await runAction({ mode: 'opco', target: target.url, 'cfa-key': target.cfaKey, 'cfa-key-2': target.cfaKey2!, 'admin-token': target.adminToken! }, cwd);
    expect(run.outputs['exit-code'], run.log).toBe('0');
    expect(run.verdict).toBe(0);
    expect(run.outputs.junit).toBe('convergence-reports/report.junit.xml');
    expect(existsSync(join(cwd, run.outputs.junit!))).toBe(true);
    expect(existsSync(join(cwd, run.outputs.sarif!))).toBe(true);
    // The uploads name what was written.
    expect(run.log).toContain('uses actions/upload-artifact@v4: convergence-reports convergence-reports');
  }, 200_000);

  it('mode opco with a refused key: the verdict step fails with 2, as the CLI does', async () => {
    const cwd = mkdtempSync(join(dir, 'opco-key-'));
    const run = await runAction({ mode: 'opco', target: mock.target.url, 'cfa-key': 'not-a-key' }, cwd);
    expect(run.outputs['exit-code']).toBe('2');
    expect(run.verdict).toBe(2);
    expect(run.log).toContain('--cfa-key');
  }, 60_000);

  it('mode cfa: certifies the software whose tests --exec runs, one report per session', async () => {
    const cwd = mkdtempSync(join(dir, 'cfa-'));
    const run = await runAction({ mode: 'cfa', exec: `node "${join(ROOT, 'tests/support/lecteur-cfa.mjs')}"`, capabilities: 'lectures', duration: '2m' }, cwd);
    expect(run.outputs['exit-code'], run.log).toBe('0');
    expect(run.verdict).toBe(0);
    expect(run.outputs.junit).toMatch(/^convergence-reports\/[^/]+\/report\.junit\.xml$/);
    expect(existsSync(join(cwd, run.outputs.sarif!))).toBe(true);
  }, 120_000);

  it('a missing input: one line naming it, verdict 2', async () => {
    const cwd = mkdtempSync(join(dir, 'missing-'));
    const run = await runAction({ mode: 'opco' }, cwd);
    expect(run.verdict).toBe(2);
    expect(run.log).toContain('mode opco needs the input target');
  }, 60_000);
});

describe('the GitLab template, run locally', () => {
  const template = parse(readFileSync(join(ROOT, 'integrations/gitlab/convergence.gitlab-ci.yml'), 'utf8')) as Record<string, { script?: string[]; variables?: Record<string, string> }>;
  const job = (name: string, variables: Record<string, string>, cwd: string) => {
    const defaults = { ...template['.convergence']!.variables, ...template[name]!.variables };
    const env = { ...process.env, ...defaults, CONVERGENCE_KIT: `node ${join(ROOT, 'bin/convergence.js')}`, ...variables };
    return sh('bash', ['-e', '-c', template[name]!.script!.join('\n')], { cwd, env });
  };

  it('.convergence-opco runs the suite and writes the JUnit report the template declares', async () => {
    const cwd = mkdtempSync(join(dir, 'gitlab-'));
    const { target } = mock;
    const result = await job('.convergence-opco', { CONVERGENCE_TARGET: target.url, CONVERGENCE_CFA_KEY: target.cfaKey, CONVERGENCE_ADMIN_TOKEN: target.adminToken! }, cwd);
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(join(cwd, 'convergence-reports/report.junit.xml'))).toBe(true);
  }, 200_000);

  it('.convergence-cfa without CONVERGENCE_EXEC stops with exit 2 and says what to set', async () => {
    const result = await job('.convergence-cfa', {}, mkdtempSync(join(dir, 'gitlab-cfa-')));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('set CONVERGENCE_EXEC');
  });
});
