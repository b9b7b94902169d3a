// Crash safety of certification mode: `convergence test cfa` killed with SIGKILL mid-requests keeps every exchange whose answer the software got.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN } from '../../mocks/testdata/harness.js';
import { depotCerfa, HEADERS } from '../../mocks/testdata/fixtures.js';
import { kill9, startMockProcess, type MockProcess } from '../support/process.js';

const ROUNDS = Number(process.env.CFA_CRASH_ROUNDS ?? 4);
const WORKERS = 4;
const dir = mkdtempSync(join(tmpdir(), 'cfa-crash-'));
const store = join(dir, 'certification.sqlite');
const running: MockProcess[] = [];
afterAll(async () => {
  for (const p of running) if (p.child.exitCode === null && p.child.signalCode === null) await kill9(p);
  rmSync(dir, { recursive: true, force: true });
});

const start = async (): Promise<MockProcess> => {
  const p = await startMockProcess(store, ['--out', join(dir, 'out')], ['test', 'cfa']);
  running.push(p);
  return p;
};

const admin = async (url: string, path: string): Promise<any> => {
  const res = await fetch(`${url}${path}`, { headers: ADMIN, signal: AbortSignal.timeout(10_000) });
  expect(res.status).toBe(200);
  return path.includes('format=') && !path.endsWith('json') ? res.text() : res.json();
};

describe('convergence test cfa under kill -9', () => {
  it('keeps every answered exchange, numbered without a gap, across kills; the report still renders', async () => {
    // Each request is marked by a unique number (a page of the states, or a dossier's numeroInterne), so the
    // recorded session can be checked against what the software saw answered, not only counted.
    const acked = new Set<string>();
    let next = 1;
    for (let round = 0; round < ROUNDS; round++) {
      const p = await start();
      let stop = false;
      const worker = async (w: number): Promise<void> => {
        while (!stop) {
          const n = next++;
          try {
            if ((n + w) % 3 === 0) {
              const numero = `CRASH-CFA-${n}`;
              const res = await fetch(`${p.url}/v2/dossiers`, {
                method: 'POST',
                headers: { ...HEADERS, 'content-type': 'application/json' },
                body: JSON.stringify(depotCerfa(numero, { nom: `CRASH${n.toString(26).replace(/\d/g, (d) => String.fromCharCode(81 + Number(d))).toUpperCase()}` })),
                signal: AbortSignal.timeout(10_000),
              });
              await res.arrayBuffer();
              acked.add(`D:${numero}`);
            } else {
              const res = await fetch(`${p.url}/v2/dossiers/etats?numeroPage=${n}`, { headers: HEADERS, signal: AbortSignal.timeout(10_000) });
              await res.arrayBuffer();
              acked.add(`P:${n}`);
            }
          } catch {
            // The kill cut this request: its answer never came, so it is not counted as seen.
          }
        }
      };
      const workers = Array.from({ length: WORKERS }, (_, w) => worker(w));
      await new Promise((r) => setTimeout(r, 250 + round * 120));
      await kill9(p);
      stop = true;
      await Promise.all(workers);
    }
    const p = await start();
    const { sessions } = await admin(p.url, '/_admin/certification/sessions');
    expect(sessions).toHaveLength(1);
    const session = await admin(p.url, `/_admin/certification/sessions/${sessions[0].id}`);
    const seqs = session.echanges.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
    const recorded = new Set<string>();
    for (const e of session.echanges) {
      if (e.operation === 'GET /dossiers/etats') recorded.add(`P:${e.query.numeroPage}`);
      if (e.operation === 'POST /dossiers') recorded.add(`D:${e.body?.cerfa?.numeroInterne}`);
    }
    const lost = [...acked].filter((k) => !recorded.has(k));
    expect(lost).toEqual([]);
    expect(acked.size).toBeGreaterThan(ROUNDS * 5);
    expect(await admin(p.url, `/_admin/certification/sessions/${sessions[0].id}/report?format=html`)).toContain('CFA certification');
    await kill9(p);
  }, 90_000);
});
