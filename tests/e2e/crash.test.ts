// Crash safety: the spawned mock on SQLite is killed with SIGKILL mid-writes again and again; every acknowledged write survives, consistent.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DossierLu } from '../../conformance/model/dossier.js';
import { ADMIN } from '../../mocks/testdata/harness.js';
import { factureFor, HEADERS, depotCerfa, validCerfa } from '../../mocks/testdata/fixtures.js';
import { kill9, startMockProcess, type MockProcess } from '../support/process.js';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 21);
const WORKERS = 6;
const DAY = 86_400_000;
const START = Date.parse('2026-01-16T09:00:00Z');

const dir = mkdtempSync(join(tmpdir(), 'mock-crash-'));
const running: MockProcess[] = [];
afterAll(async () => {
  for (const p of running) if (p.child.exitCode === null && p.child.signalCode === null) await kill9(p);
  rmSync(dir, { recursive: true, force: true });
});

interface Dossier {
  numeroInterne: string;
  round: number;
  /** From the 201; null for a deposit whose answer was lost in the crash, until it is seen after restart. */
  numeroExterne: string | null;
  acked: boolean;
  facture?: { numero: string; montant: number; acked: boolean };
}

const cents = (n: number): number => Math.round(n * 100);
const day = (round: number): string => new Date(START + round * DAY).toISOString().slice(0, 10);
/** Distinct identities (nom), so no deposit is the duplicate of another (ANNULE). */
const nom = (i: number): string => `CRASH${i.toString(26).replace(/\d/g, (d) => String.fromCharCode(81 + Number(d))).toUpperCase()}`;

async function call(url: string, method: string, body?: unknown, headers: Record<string, string> = HEADERS): Promise<Response> {
  return fetch(url, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(10_000),
  });
}

/** Checks every write acknowledged so far against the restarted mock; adopts lost answers that did commit. */
async function verify(url: string, dossiers: Map<string, Dossier>, clockAcked: number | null): Promise<DossierLu[]> {
  if (clockAcked !== null) {
    const clock = (await (await call(`${url}/_admin/clock`, 'GET', undefined, ADMIN)).json()) as { now: string };
    // The clock keeps running from the acknowledged setting: never behind it.
    expect(Date.parse(clock.now)).toBeGreaterThanOrEqual(clockAcked);
  }
  const engaged: DossierLu[] = [];
  const externes = new Set<string>();
  for (const d of dossiers.values()) {
    const res = await call(`${url}/v2/dossiers?numeroInterne=${encodeURIComponent(d.numeroInterne)}`, 'GET');
    if (!d.acked && res.status === 404) {
      if (d.facture && !d.facture.acked) delete d.facture;
      continue;
    }
    expect(res.status, `acknowledged dossier ${d.numeroInterne} lost`).toBe(200);
    const lu = (await res.json()) as DossierLu;
    expect(lu.cerfa.numeroInterne).toBe(d.numeroInterne);
    if (d.numeroExterne !== null) expect(lu.cerfa.numeroExterne).toBe(d.numeroExterne);
    d.numeroExterne = lu.cerfa.numeroExterne;
    d.acked = true;
    expect(externes.has(lu.cerfa.numeroExterne), `numeroExterne ${lu.cerfa.numeroExterne} given twice`).toBe(false);
    externes.add(lu.cerfa.numeroExterne);
    if (lu.cerfa.etat === 'ENGAGE' || lu.cerfa.etat === 'SOLDE') {
      expect(lu.engagement).not.toBeNull();
      expect(lu.echeances.reduce((sum, e) => sum + cents(e.montantTotal), 0)).toBe(cents(lu.engagement ?? 0));
      const first = lu.echeances.find((e) => e.numero === 1);
      const invoiced = cents((first?.montantEnCoursInstruction ?? 0) + (first?.montantRegle ?? 0));
      if (d.facture?.acked) expect(invoiced, `invoice ${d.facture.numero} not on its échéance`).toBe(cents(d.facture.montant));
      else if (d.facture) {
        // Its answer was lost: all of it or nothing.
        expect([0, cents(d.facture.montant)]).toContain(invoiced);
        if (invoiced === 0) delete d.facture;
        else d.facture.acked = true;
      } else expect(invoiced).toBe(0);
      engaged.push(lu);
    } else {
      expect(['TRANSMIS', 'EN_COURS_INSTRUCTION'], `${d.numeroInterne} deposited round ${d.round}`).toContain(lu.cerfa.etat);
    }
  }
  // Every acknowledged invoice is listed, accepted.
  const listed = new Map<string, string>();
  for (let page = 1; ; page++) {
    const body = (await (await call(`${url}/v2/factures/etats?numeroPage=${page}`, 'GET')).json()) as {
      total: number;
      factures: { numeroInterneFacture: string; etatFacture: string }[];
    };
    for (const f of body.factures) listed.set(f.numeroInterneFacture, f.etatFacture);
    if (body.factures.length === 0 || listed.size >= body.total) break;
  }
  for (const d of dossiers.values()) {
    if (d.facture?.acked) expect(['EN_COURS_INSTRUCTION', 'REGLE'], `invoice ${d.facture.numero}`).toContain(listed.get(d.facture.numero));
  }
  return engaged;
}

describe('mock on SQLite under kill -9', () => {
  it(`keeps every acknowledged write across ${ROUNDS} SIGKILLs at random moments`, async () => {
    const store = join(dir, 'crash.sqlite');
    const dossiers = new Map<string, Dossier>();
    let clockAcked: number | null = null;
    let counter = 0;
    const stats = { acked: 0, lost: 0, factures: 0, rounds: 0, killedMidWrite: 0 };
    // Deterministic per run but different each round: kill delays spread over the write phase.
    let seed = 12_345;
    const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

    for (let round = 0; round < ROUNDS; round++) {
      const p = await startMockProcess(store);
      running.push(p);
      const engaged = await verify(p.url, dossiers, clockAcked);

      const at = START + round * DAY;
      const clock = await call(`${p.url}/_admin/clock`, 'PUT', { now: new Date(at).toISOString() }, ADMIN);
      expect(clock.status).toBe(200);
      clockAcked = at;

      const toInvoice = engaged.filter((lu) => !dossiers.get(lu.cerfa.numeroInterne)?.facture);
      let lostThisRound = 0;
      let stop = false;
      const worker = async (): Promise<void> => {
        while (!stop) {
          const lu = toInvoice.pop();
          try {
            if (lu) {
              const d = dossiers.get(lu.cerfa.numeroInterne)!;
              const facture = factureFor(lu, `FAC-${lu.cerfa.numeroInterne}`, 1, day(round));
              d.facture = { numero: facture.numeroInterneFacture, montant: facture.montantTotal, acked: false };
              const res = await call(`${p.url}/v2/factures`, 'POST', facture);
              expect(res.status, await res.clone().text()).toBe(201);
              d.facture.acked = true;
              stats.factures++;
            } else {
              const i = counter++;
              const d: Dossier = { numeroInterne: `CR-${round}-${i}`, round, numeroExterne: null, acked: false };
              dossiers.set(d.numeroInterne, d);
              const res = await call(`${p.url}/v2/dossiers`, 'POST', depotCerfa(d.numeroInterne, { nom: nom(i) }));
              expect(res.status, await res.clone().text()).toBe(201);
              d.numeroExterne = ((await res.json()) as { numeroExterne: string }).numeroExterne;
              d.acked = true;
              stats.acked++;
            }
          } catch (error) {
            // The kill: a connection reset or an aborted answer is an unacknowledged write, judged after restart.
            if (!stop || (error as { name?: string }).name === 'AssertionError') throw error;
            lostThisRound++;
            return;
          }
        }
      };
      const workers = Array.from({ length: WORKERS }, () => worker());
      await new Promise((resolve) => setTimeout(resolve, 60 + random() * 300));
      stop = true;
      await kill9(p);
      await Promise.all(workers);
      stats.lost += lostThisRound;
      if (lostThisRound > 0) stats.killedMidWrite++;
      stats.rounds++;
    }

    const last = await startMockProcess(store);
    running.push(last);
    await verify(last.url, dossiers, clockAcked);
    const stopped = last.exited;
    last.child.kill('SIGTERM');
    expect(await stopped).toBe(0);

    console.log(
      `crash: ${stats.rounds} SIGKILLs (${stats.killedMidWrite} with writes in flight), ${stats.acked} acknowledged deposits and ${stats.factures} invoices all found consistent, ${stats.lost} writes cut by a kill`,
    );
    expect(stats.rounds).toBeGreaterThanOrEqual(20);
    expect(stats.factures).toBeGreaterThan(0);
    // Most kills must land on writes in flight, or the test proves little.
    expect(stats.killedMidWrite).toBeGreaterThanOrEqual(stats.rounds / 2);
  }, 180_000);
});
