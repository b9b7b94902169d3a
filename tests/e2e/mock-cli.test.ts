// The spawned `convergence mock` (from the build): an acknowledged deposit survives kill -9, and SIGTERM stops it cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { HEADERS, depotCerfa, validCerfa } from '../../mocks/testdata/fixtures.js';

const bin = fileURLToPath(new URL('../../bin/convergence.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mock-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(store: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [bin, 'mock', '--port', '0', '--store', store], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c) => (out += String(c)));
  child.stderr!.on('data', (c) => (err += String(c)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed; stderr: ${err}`)), 15_000);
    child.stdout!.on('data', () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => out });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited early (${code}): ${err}`)));
  });
}

const exited = (child: ChildProcess): Promise<number | null> => new Promise((resolve) => child.on('exit', (code) => resolve(code)));

describe('convergence mock (process)', () => {
  it('keeps an acknowledged deposit across kill -9, then exits 0 on SIGTERM', async () => {
    const store = join(dir, 'mock.sqlite');
    const first = await start(store);
    const deposit = await fetch(`${first.url}/v2/dossiers`, {
      method: 'POST',
      headers: { ...HEADERS, 'content-type': 'application/json' },
      body: JSON.stringify(depotCerfa('KILL-1')),
    });
    expect(deposit.status).toBe(201);
    const killed = exited(first.child);
    first.child.kill('SIGKILL');
    await killed;

    const second = await start(store);
    const read = await fetch(`${second.url}/v2/dossiers?numeroInterne=KILL-1`, { headers: HEADERS });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { cerfa: { numeroInterne: string } }).cerfa.numeroInterne).toBe('KILL-1');
    const stopped = exited(second.child);
    second.child.kill('SIGTERM');
    expect(await stopped).toBe(0);
    expect(second.output()).toContain('SIGTERM received');
  });
});
