// Every shell example of the README and docs/ runs as written (against a mock started here), unless its fence says `illustration`.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockApp } from '../../mocks/app.js';
import type { AddressInfo } from 'node:net';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

interface Example {
  file: string;
  line: number;
  info: string;
  text: string;
}

/** Fenced shell blocks (sh, bash, shell, console), indented ones of list items included, with their fence's info string. */
function examples(): Example[] {
  const found: Example[] = [];
  for (const file of DOCS) {
    const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const open = /^(\s*)```(sh|bash|shell|console)\b(.*)$/.exec(lines[i]!);
      if (!open) continue;
      const indent = open[1]!.length;
      const body: string[] = [];
      let j = i + 1;
      for (; j < lines.length && !lines[j]!.trimStart().startsWith('```'); j++) body.push(lines[j]!.slice(indent));
      found.push({ file, line: i + 1, info: `${open[2]}${open[3]}`.trim(), text: body.join('\n') });
      i = j;
    }
  }
  return found;
}

/** A server the example starts and leaves running: the test's own mock plays its part. */
const STARTS_SERVER = /^(?:npx (?:--yes )?convergence(?:-kit)?|convergence|node bin\/convergence\.js) (?:mock|test cfa)\b(?!.*--exec)/;

const quote = (text: string): string => `'${text.replace(/'/g, "'\\''")}'`;

/**
 * The examples of one file as one bash script, in order (a walk-through's later steps use what earlier ones set),
 * checking each command: its exit code is 0, or the one its comment announces (`# exit 1`, on its line or on the
 * comment line above); a comment line after it showing JSON (`# {"etat":"TRANSMIS"}`) names members its output
 * must contain. Continued lines are joined; `npm ci` is done already; a server started in the background is the
 * test's mock, and the mock's documented address is the test mock's.
 */
function script(blocks: readonly Example[], port: number): string {
  const out = ['set -u', 'n=0'];
  for (const example of blocks) {
    const lines = example.text.replace(/\\\n\s*/g, ' ').split('\n');
    let announced: string | undefined;
    lines.forEach((raw, k) => {
      const where = `${example.file}:${example.line + 1 + k}`;
      const line = raw.replace(/127\.0\.0\.1:4010/g, `127.0.0.1:${port}`).replace(/--port 4010/g, '--port 0');
      const trimmed = line.trim();
      if (trimmed === '') {
        announced = undefined;
        return;
      }
      if (trimmed.startsWith('#')) {
        announced = /\bexit (\d)\b/.exec(trimmed)?.[1] ?? announced;
        // Members of the output shown: checked against the previous command's output.
        for (const member of trimmed.match(/"\w+":(?:"[^"…]*"|\d+)/g) ?? []) {
          out.push(`grep -qF ${quote(member)} .out-$n || { echo "${where}: expected ${member.replace(/"/g, '\\"')} in the output of the command above" >&2; exit 99; }`);
        }
        return;
      }
      const code = /#.*\bexit (\d)\b/.exec(trimmed)?.[1] ?? announced ?? '0';
      const bare = trimmed.replace(/\s+#.*$/, '');
      if (/^npm ci\b/.test(bare) || (bare.endsWith('&') && STARTS_SERVER.test(bare))) return;
      const captured = /(^|[^2])>\s*\S+\s*$/.test(bare) ? bare : `{ ${bare}; } > .out-$n`;
      out.push('n=$((n+1))', captured);
      out.push(`rc=$?; [ -f .out-$n ] && cat .out-$n; if [ "$rc" != "${code}" ]; then echo "${where}: exit $rc, expected ${code}: "${quote(bare)} >&2; exit 99; fi`);
    });
  }
  return out.join('\n');
}

let work: string;
let bin: string;

beforeAll(async () => {
  // A user's checkout: the repository's files, read-only, and a fresh directory for what the examples write.
  work = mkdtempSync(join(tmpdir(), 'docs-examples-'));
  for (const entry of ['mocks', 'spec', 'bin', 'dist', 'node_modules', 'scenarios', 'conformance', 'package.json']) symlinkSync(join(ROOT, entry), join(work, entry));
  // The commands as the docs name them: the installed bin, and npx resolving the published package to this checkout.
  bin = join(work, '.bin');
  mkdirSync(bin);
  const cli = `#!/bin/sh\nexec node "${join(ROOT, 'bin/convergence.js')}" "$@"\n`;
  for (const name of ['convergence', 'convergence-kit']) writeFileSync(join(bin, name), cli);
  writeFileSync(
    join(bin, 'npx'),
    `#!/bin/sh\n[ "$1" = "--yes" ] && shift\ncase "$1" in\n  convergence|convergence-kit) shift; exec node "${join(ROOT, 'bin/convergence.js')}" "$@" ;;\n  *) exec "${join(ROOT, 'node_modules/.bin')}/$@" ;;\nesac\n`,
  );
  for (const name of ['convergence', 'convergence-kit', 'npx']) chmodSync(join(bin, name), 0o755);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(text: string, timeoutMs: number): Promise<{ status: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', text], { cwd: work, env: { ...process.env, PATH: `${bin}:${process.env.PATH}` }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (c) => (stdout += String(c)));
    child.stderr.on('data', (c) => (stderr += String(c)));
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid!, 'SIGTERM');
    }, timeoutMs);
    child.on('exit', (status) => {
      clearTimeout(timer);
      setTimeout(() => resolve({ status, stdout, stderr, timedOut }), 100);
    });
  });
}

const all = examples();
const runnable = all.filter((e) => !/illustration/.test(e.info));
/** A block that only starts servers in the foreground: it works when each is up and still running. */
const serverLines = (e: Example): string[] | undefined => {
  const lines = e.text.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter((l) => l !== '' && !l.startsWith('#') && !/^npm ci\b/.test(l));
  return lines.length > 0 && lines.every((l) => STARTS_SERVER.test(l) && !l.endsWith('&')) ? lines : undefined;
};

describe('shell examples of the README and docs/', () => {
  it('are found, and each one either runs or says it is an illustration', () => {
    expect(all.length).toBeGreaterThan(20);
    expect(all.filter((e) => e.text.trim() === '')).toEqual([]);
  });

  it.each(runnable.filter((e) => serverLines(e) !== undefined).map((e) => [`${e.file}:${e.line}`, e] as const))('%s starts its server as written', async (_, example) => {
    for (const line of serverLines(example)!) {
      const result = await run(line.replace(/--port 4010/, '--port 0') + (/--port/.test(line) ? '' : ' --port 0'), 6000);
      // Stopped by the test (SIGTERM), the server may say what it did; it must not have failed before.
      expect(result.timedOut, result.stdout + result.stderr).toBe(true);
      expect(result.stderr).not.toMatch(/error|exit/i);
      expect(result.stdout).toMatch(/http:\/\/127\.0\.0\.1:\d+/);
    }
  }, 60_000);

  const files = [...new Set(runnable.filter((e) => serverLines(e) === undefined).map((e) => e.file))];
  it.each(files)('%s: its examples run as written, in order, against a fresh mock', async (file) => {
    const mock = await createMockApp({ store: 'memory' });
    await mock.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (mock.app.server.address() as AddressInfo).port;
    try {
      const blocks = runnable.filter((e) => e.file === file && serverLines(e) === undefined);
      const result = await run(script(blocks, port), 150_000);
      expect(result.stderr.split('\n').filter((l) => /: (exit \d+, expected|expected )/.test(l)), result.stdout.slice(-1500) + result.stderr.slice(-1500)).toEqual([]);
      expect(result.status).toBe(0);
    } finally {
      await mock.close();
    }
  }, 200_000);
});
