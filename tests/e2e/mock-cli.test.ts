// One spawned `convergence mock` (from the build): it serves on the printed URL and stops cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HEADERS } from '../../mocks/testdata/fixtures.js';

const bin = fileURLToPath(new URL('../../bin/convergence.js', import.meta.url));

describe('convergence mock (process)', () => {
  it('prints its URL, answers, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [bin, 'mock', '--port', '0', '--store', 'memory'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (c) => (err += String(c)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed; stderr: ${err}`)), 15_000);
      child.stdout.on('data', (c) => {
        out += String(c);
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.on('exit', (code) => reject(new Error(`exited early (${code}): ${err}`)));
    });
    const res = await fetch(`${url}/v2/dossiers/etats`, { headers: HEADERS });
    expect(res.status).toBe(200);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(out).toContain('SIGTERM received');
  });
});
