// Hostile input against certification mode: no 5xx, no hang, every request of a known key recorded once, and the session still judged and rendered.
import type { LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARAMETRES_PROTOCOLE_DEFAUT, type CapaciteCfa } from '../../conformance/model/session.js';
import { createMockApp, type MockApp } from '../../mocks/app.js';
import { frozenClock } from '../../mocks/clock.js';
import type { CertificationScript } from '../../mocks/certification/index.js';
import { BODY_LIMIT } from '../../mocks/variants/behaviours.js';
import { DEMO } from '../../mocks/tenants.js';
import { ADMIN, START } from '../../mocks/testdata/harness.js';
import { depotCerfa, factureFor, HEADERS } from '../../mocks/testdata/fixtures.js';
import type { DossierLu } from '../../conformance/model/dossier.js';
import { hostileCase, hostileTarget, SEED, SEED_FACTURE, TRICKS, type HostileCase, type HostileTarget } from '../support/hostile.js';

const RUNS = Number(process.env.CFA_HOSTILE_CASES ?? 1_200);
const CONCURRENT = Number(process.env.CFA_HOSTILE_CONCURRENT ?? 300);
const TIMEOUT_MS = 10_000;
const FORMATS = ['json', 'junit', 'sarif', 'markdown', 'html'] as const;
const CAPABILITIES: CapaciteCfa[] = ['contrats', 'conventions', 'factures', 'certificats'];
/** No plays: any 5xx is the mock's fault, except the ones a request asked for with `Prefer: code=5xx`. */
const SCRIPT: CertificationScript = { delais: {}, parametres: { ...PARAMETRES_PROTOCOLE_DEFAUT }, plays: [] };

/** What a certification run must be robust to beyond the normal mode's cases: Prefer, editor triplets, odd top-level bodies, oversize. */
const certificationExtras = (target: HostileTarget): fc.Arbitrary<HostileCase> => {
  const deposit = fc.constantFrom(...target.bodies.filter((b) => b.mediaType === 'json').map((b) => b));
  const json = { ...HEADERS, 'content-type': 'application/json' };
  return fc.oneof(
    // Prefer asks for faults; latencies kept small so the run stays short.
    fc
      .tuple(deposit, fc.constantFrom('code=503', 'code=500', 'code=429', 'code=404', 'code=999', 'latency=5', 'latency=abc', 'code=503, latency=3', 'fault=none', ';;,,=', 'code=', TRICKS[0], 'x'.repeat(8_000)))
      .map(([t, prefer]): HostileCase => ({ category: 'header', op: t.op, method: 'POST', url: t.url, headers: { ...json, prefer }, payload: JSON.stringify(t.base), mustReject: false, note: `prefer ${prefer.slice(0, 40)}` })),
    // The editor triplet the protocol rules judge: blank, tricks, huge, repeated.
    fc
      .tuple(fc.constantFrom('editeur', 'logiciel', 'version'), fc.constantFrom(' ', '\t', '__proto__', 'constructor', "' OR 1=1 --", '<script>', 'É'.repeat(3), 'A'.repeat(16_000), 'null', '[]', '{}'))
      .map(([name, value]): HostileCase => ({ category: 'header', op: 'GET /v2/dossiers/etats', method: 'GET', url: '/v2/dossiers/etats', headers: { ...HEADERS, [name]: value.replace(/[^\u0020-\u007e]/g, '?') }, mustReject: false, note: `${name}: ${value.slice(0, 20)}` })),
    // Top-level bodies the judge must read without a shape: strings, arrays, null, numbers, deep, huge.
    fc
      .tuple(deposit, fc.constantFrom('null', '[]', '[null]', '"texte"', '1e999', '-0', '123456789012345678901234567890', 'true', '{}', '{"lignes":null}', '{"lignes":"x"}', '{"lignes":[null,1,"a",[]]}', '{"numeroInterne":{"a":1}}', '{"__proto__":{"x":1}}', `${'['.repeat(5_000)}${']'.repeat(5_000)}`, `{"a":${'['.repeat(3_000)}1${']'.repeat(3_000)}}`))
      .map(([t, body]): HostileCase => ({ category: 'wrong-type', op: t.op, method: 'POST', url: t.url, headers: json, payload: body, mustReject: false, note: `body ${body.slice(0, 30)}` })),
    // Over the body limit: 413, still recorded.
    deposit.map((t): HostileCase => ({ category: 'huge-string', op: t.op, method: 'POST', url: t.url, headers: json, payload: Buffer.alloc(BODY_LIMIT + 1024, 0x20), mustReject: true, note: 'oversized body' })),
  );
};

let mock: MockApp;
let target: HostileTarget;

const admin = (url: string): Promise<LightMyRequestResponse> => mock.app.inject({ method: 'GET', url, headers: ADMIN });

/** Recorded requests of every session of the demo key, from the store. */
async function recorded(): Promise<number> {
  return (await mock.store.listSessions()).reduce((n, s) => n + s.requests, 0);
}

/** Whether the recorder must own the request: the demo key (as the server reads it) on a norm path. */
function attributable(c: HostileCase): boolean {
  const key = c.headers['x-api-key']?.trim();
  // Resolved as the injected request resolves it: `/_admin/../v2/status` is `/v2/status`.
  return key === DEMO.apiKey && !new URL(c.url, 'http://mock').pathname.startsWith('/_admin');
}

async function send(c: HostileCase): Promise<LightMyRequestResponse | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS)));
  try {
    return await Promise.race([mock.app.inject({ method: c.method, url: c.url, headers: c.headers, ...(c.payload === undefined ? {} : { payload: c.payload }) }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Why the answer is not acceptable, or null. */
function fault(c: HostileCase, res: LightMyRequestResponse | 'timeout'): string | null {
  if (res === 'timeout') return `no answer within ${TIMEOUT_MS} ms`;
  const askedFor = /code=5\d\d/.test(c.headers.prefer ?? '');
  if (res.statusCode >= 500 && !askedFor) return `answered ${res.statusCode}: ${res.body.slice(0, 300)}`;
  return null;
}

/** Every session's report (the busiest one in every format, the others in JSON: ~2 s a report on 1 000 hostile exchanges): 200 with a body. */
async function reportsRender(): Promise<string[]> {
  const problems: string[] = [];
  const list = (await admin('/_admin/certification/sessions')).json() as { sessions: { id: string; requests: number }[] };
  const busiest = [...list.sessions].sort((a, b) => b.requests - a.requests)[0]?.id;
  for (const { id } of list.sessions) {
    for (const format of id === busiest ? FORMATS : (['json'] as const)) {
      const res = await admin(`/_admin/certification/sessions/${id}/report?format=${format}`);
      if (res.statusCode !== 200 || res.body.length === 0) problems.push(`${id} ${format}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    }
    const session = await admin(`/_admin/certification/sessions/${id}`);
    if (session.statusCode !== 200) problems.push(`${id} session: ${session.statusCode} ${session.body.slice(0, 300)}`);
  }
  return problems;
}

/** Seqs of each session are 1..n, each once. */
async function contiguous(): Promise<string[]> {
  const problems: string[] = [];
  for (const { id, requests } of await mock.store.listSessions()) {
    const seqs = ((await mock.store.getSession(id))?.echanges ?? []).map((e) => e.seq);
    const expected = Array.from({ length: requests }, (_, i) => i + 1);
    if (JSON.stringify(seqs) !== JSON.stringify(expected)) problems.push(`${id}: ${requests} requests, seqs ${seqs.slice(0, 20).join(',')}…`);
  }
  return problems;
}

beforeAll(async () => {
  mock = await createMockApp({ clock: frozenClock(START), store: 'memory', certification: { script: SCRIPT, capabilities: CAPABILITIES } });
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = HEADERS) =>
    mock.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  expect((await call('POST', '/v2/dossiers', depotCerfa(SEED))).statusCode).toBe(201);
  expect((await call('PUT', '/_admin/clock', { advance: 'P5D' }, ADMIN)).statusCode).toBe(200);
  const dossier = (await call('GET', `/v2/dossiers?numeroInterne=${SEED}`)).json() as DossierLu;
  expect(dossier.cerfa.etat).toBe('ENGAGE');
  expect((await call('POST', '/v2/factures', factureFor(dossier, SEED_FACTURE, 1, '2026-01-21'))).statusCode).toBe(201);
  target = await hostileTarget(dossier);
});

afterAll(async () => {
  await mock?.close();
});

describe('certification mode under hostile input', () => {
  it(`answers ${RUNS} hostile requests without a 5xx or a hang, records each request of the demo key once, and still renders every report`, async () => {
    let expected = await recorded();
    const failures: string[] = [];
    const byStatus = new Map<number, number>();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 4, arbitrary: hostileCase(target) }, { weight: 1, arbitrary: certificationExtras(target) }), async (c) => {
        sent++;
        const res = await send(c);
        if (res !== 'timeout') byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
        const why = fault(c, res);
        if (attributable(c)) expected++;
        const now = await recorded();
        if (why === null && now !== expected) {
          const delta = now - expected + (attributable(c) ? 1 : 0);
          expected = now;
          failures.push(`${c.category} ${c.method} ${c.url.slice(0, 120)} (${c.note}): recorded ${delta} time(s), expected ${attributable(c) ? 1 : 0}`);
        }
        if (why) failures.push(`${c.category} ${c.method} ${c.url.slice(0, 120)} (${c.note}): ${why}`);
      }),
      { numRuns: RUNS, seed: process.env.HOSTILE_SEED ? Number(process.env.HOSTILE_SEED) : undefined },
    );
    console.log(`cfa-hostile: ${sent} cases, statuses ${[...byStatus].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}: ${n}`).join(', ')}, ${failures.length} failure(s)`);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(await contiguous()).toEqual([]);
    const t0 = performance.now();
    expect(await reportsRender()).toEqual([]);
    console.log(`cfa-hostile: every report of ${expected} recorded exchanges rendered in ${Math.round(performance.now() - t0)} ms`);
    // The admin list counts what the store holds.
    const list = (await admin('/_admin/certification/sessions')).json() as { sessions: { requests: number }[] };
    expect(list.sessions.reduce((n, s) => n + s.requests, 0)).toBe(expected);
  }, 60_000);

  it(`answers ${CONCURRENT} hostile requests sent concurrently while reports are asked for, recording each once`, async () => {
    const before = await recorded();
    const cases = fc.sample(fc.oneof({ weight: 4, arbitrary: hostileCase(target) }, { weight: 1, arbitrary: certificationExtras(target) }), { numRuns: CONCURRENT, seed: 42 });
    const ids = ((await admin('/_admin/certification/sessions')).json() as { sessions: { id: string }[] }).sessions.map((s) => s.id);
    const failures: string[] = [];
    const reports: Promise<void>[] = [];
    const BATCH = 50;
    for (let i = 0; i < cases.length; i += BATCH) {
      const batch = cases.slice(i, i + BATCH);
      const id = ids[(i / BATCH) % ids.length]!;
      const format = FORMATS[(i / BATCH) % FORMATS.length]!;
      // A report every third batch: each judges the whole session so far (quadratic today, see the report).
      if ((i / BATCH) % 3 === 0) reports.push(
        admin(`/_admin/certification/sessions/${id}/report?format=${format}`).then((res) => {
          if (res.statusCode !== 200) failures.push(`report ${id} ${format} in flight: ${res.statusCode} ${res.body.slice(0, 200)}`);
        }),
      );
      const answers = await Promise.all(batch.map(send));
      batch.forEach((c, j) => {
        const why = fault(c, answers[j]!);
        if (why) failures.push(`${c.category} ${c.method} ${c.url.slice(0, 120)} (${c.note}): ${why}`);
      });
    }
    await Promise.all(reports);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(await recorded()).toBe(before + cases.filter(attributable).length);
    expect(await contiguous()).toEqual([]);
    expect(await reportsRender()).toEqual([]);
  }, 60_000);

  // Fastify answers an undecodable URL through `frameworkErrors` (mocks/app.ts), where no hook runs: recorded there.
  it('records a request of the demo key whose path cannot be decoded (GET /v2/%)', async () => {
    const before = await recorded();
    const res = await mock.app.inject({ method: 'GET', url: '/v2/%', headers: HEADERS });
    expect(res.statusCode).toBe(400);
    expect(await recorded()).toBe(before + 1);
  });
});
