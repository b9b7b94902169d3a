// Limits of the mock: body size (413), a stalled body (connection closed), overload (health still answers), bad config/spec files (exit 2).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { createMockApp, type MockApp } from '../../mocks/app.js';
import { frozenClock } from '../../mocks/clock.js';
import { ADMIN, START } from '../../mocks/testdata/harness.js';
import { HEADERS, depotCerfa, validCerfa } from '../../mocks/testdata/fixtures.js';
import { captureIO } from '../../cli/testing.js';

const STALL_MS = 400;
let mock: MockApp;
let url: string;

beforeAll(async () => {
  mock = await createMockApp({ clock: frozenClock(START), store: 'memory', requestTimeoutMs: STALL_MS });
  url = await mock.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await mock?.close();
});

async function healthy(): Promise<number> {
  const started = Date.now();
  const res = await fetch(`${url}/v2/status`, { signal: AbortSignal.timeout(5_000) });
  expect(res.status).toBe(200);
  return Date.now() - started;
}

describe('body size limit', () => {
  it('answers 413 with a problem naming the body for 11 MiB, and keeps serving', async () => {
    const body = JSON.stringify({ ...depotCerfa('BIG-1'), filler: 'x'.repeat(11 * 1024 * 1024) });
    const res = await fetch(`${url}/v2/dossiers`, { method: 'POST', headers: { ...HEADERS, 'content-type': 'application/json' }, body });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await res.json()) as { status: number; errors: { champ?: string; code: string }[] };
    expect(problem.status).toBe(413);
    expect(problem.errors[0]).toMatchObject({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', champ: '(corps)' });
    await healthy();
    const state = (await (await fetch(`${url}/_admin/state`, { headers: ADMIN })).json()) as { partitions: unknown[] };
    expect(state.partitions).toEqual([]);
  });

  it('refuses a Content-Length above the limit before reading the body', async () => {
    const answer = await rawExchange(
      `POST /v2/dossiers HTTP/1.1\r\nHost: x\r\nX-API-KEY: ${HEADERS['x-api-key']}\r\nContent-Type: application/json\r\nContent-Length: ${20 * 1024 * 1024}\r\n\r\n{"a":`,
      3_000,
    );
    expect(answer.text).toMatch(/^HTTP\/1\.1 413/);
    expect(answer.text).toContain('application/problem+json');
  });
});

/** Writes raw bytes on a socket and collects what comes back until the server closes it or `waitMs` passes. */
function rawExchange(request: string, waitMs: number): Promise<{ text: string; closedAfterMs: number | null }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closedAfterMs: null });
    }, waitMs);
    socket.on('data', (c) => (text += String(c)));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, closedAfterMs: Date.now() - started });
    });
    socket.on('timeout', reject);
  });
}

describe('request timeout', () => {
  it('closes the connection of a request whose body stalls, and stays healthy', async () => {
    const partial = `POST /v2/dossiers HTTP/1.1\r\nHost: x\r\nX-API-KEY: ${HEADERS['x-api-key']}\r\nEDITEUR: e\r\nLOGICIEL: l\r\nVERSION: 1\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"numeroInterne":`;
    const hung = await Promise.all([rawExchange(partial, 10_000), rawExchange(partial, 10_000), healthy()]);
    for (const answer of hung.slice(0, 2) as { text: string; closedAfterMs: number | null }[]) {
      // Closed (with or without a 408) within a few stall periods, never left hanging.
      expect(answer.closedAfterMs).not.toBeNull();
      expect(answer.closedAfterMs!).toBeLessThan(STALL_MS * 10);
      if (answer.text) expect(answer.text).toMatch(/^HTTP\/1\.1 (408|400)/);
    }
    await healthy();
    const state = (await (await fetch(`${url}/_admin/state`, { headers: ADMIN })).json()) as { partitions: unknown[] };
    expect(state.partitions).toEqual([]);
  });

  it('closes a connection that sends headers only halfway', async () => {
    const answer = await rawExchange('GET /v2/status HTTP/1.1\r\nHost: x\r\nX-Half', 10_000);
    expect(answer.closedAfterMs).not.toBeNull();
    await healthy();
  });
});

describe('overload', () => {
  // Its own app with the default request timeout: a 400 ms one would answer 408 to bodies left unread while the
  // event loop is busy with a write group.
  let loaded: MockApp;
  let url: string;
  beforeAll(async () => {
    loaded = await createMockApp({ clock: frozenClock(START), store: 'memory' });
    url = await loaded.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await loaded?.close();
  });
  const healthy = async (): Promise<number> => {
    const started = Date.now();
    const res = await fetch(`${url}/v2/status`, { signal: AbortSignal.timeout(10_000) });
    expect(res.status).toBe(200);
    return Date.now() - started;
  };

  it('keeps answering /v2/status and /_admin/clock while hundreds of requests are in flight', async () => {
    // 300 slow requests held by `Prefer: latency`, 200 deposits queued for the write queue, all at once.
    const slow = Array.from({ length: 300 }, () =>
      fetch(`${url}/v2/dossiers/etats`, { headers: { ...HEADERS, prefer: 'latency=1500' }, signal: AbortSignal.timeout(30_000) }).then((r) => r.status),
    );
    const writes = Array.from({ length: 200 }, (_, i) =>
      fetch(`${url}/v2/dossiers`, {
        method: 'POST',
        headers: { ...HEADERS, 'content-type': 'application/json' },
        body: JSON.stringify(depotCerfa(`LOAD-${i}`, { nom: `CHARGE${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}` })),
        signal: AbortSignal.timeout(30_000),
      }).then((r) => r.status),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const statusMs = await healthy();
    const clockStarted = Date.now();
    const clock = await fetch(`${url}/_admin/clock`, { headers: ADMIN, signal: AbortSignal.timeout(5_000) });
    expect(clock.status).toBe(200);
    const clockMs = Date.now() - clockStarted;
    // Answered, not hung. Not faster than the write group being processed: deposits run their rules in the write
    // queue, whose group (up to 256) holds the event loop until its commit (docs/reliability.md, Limits).
    expect(statusMs).toBeLessThan(10_000);
    expect(clockMs).toBeLessThan(10_000);
    console.log(`overload: GET /v2/status ${statusMs} ms, GET /_admin/clock ${clockMs} ms with 500 requests in flight`);
    const statuses = [...(await Promise.all(slow)), ...(await Promise.all(writes))];
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s !== 200 && s !== 201)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(200);
  }, 60_000);
});

describe('malformed config and spec files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mock-limits-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function mockExit(args: string[]): Promise<{ code: number; err: string }> {
    const io = captureIO(dir);
    const code = await main(['node', 'convergence', 'mock', '--store', 'memory', '--port', '0', ...args], io);
    return { code, err: io.err() };
  }

  const CASES: { name: string; file: string; text: string; flag: '--config' | '--spec'; place: RegExp }[] = [
    { name: 'config: a key too short, deep', file: 'short-key.yaml', flag: '--config', text: 'admin: { token: long-enough-token }\ncfas:\n  - siret: "85300000800005"\n    denomination: CFA\n    iban: FR7630006000011234567890189\n    keys: { atlas: abc }\n', place: /\/cfas\/0\/keys\/atlas/ },
    { name: 'config: a list instead of a map', file: 'list.yaml', flag: '--config', text: '- admin\n- cfas\n', place: /: \/: must be object/ },
    { name: 'config: empty file', file: 'empty.yaml', flag: '--config', text: '', place: /empty\.yaml: \/: must be object/ },
    { name: 'config: duplicate key', file: 'dup.yaml', flag: '--config', text: 'admin: { token: long-enough-token }\nadmin: { token: other-token-here }\ncfas: []\n', place: /line \d+, column \d+/ },
    { name: 'config: bad duration', file: 'delais.yaml', flag: '--config', text: 'admin: { token: long-enough-token }\ndelais: { instruction: P1Q }\ncfas: []\n', place: /\/delais\/instruction/ },
    { name: 'config: tab indentation', file: 'tabs.yaml', flag: '--config', text: 'admin:\n\ttoken: long-enough-token\n', place: /line \d+, column \d+/ },
    { name: 'config: binary garbage', file: 'garbage.yaml', flag: '--config', text: '\u0000\u0001\u0002\u00ff{[', place: /garbage\.yaml: / },
    { name: 'spec: YAML that does not parse', file: 'bad-spec.yaml', flag: '--spec', text: 'openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths:\n  /v2/x:\n    get: [\n', place: /line \d+/ },
    { name: 'spec: no operation', file: 'no-op.yaml', flag: '--spec', text: 'openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths: {}\n', place: /no-op\.yaml: / },
    { name: 'spec: truncated JSON', file: 'cut.json', flag: '--spec', text: '{"openapi": "3.0.3", "info": {"title": "t", "vers', place: /cut\.json: / },
    { name: 'spec: a schema that does not compile', file: 'schema.yaml', flag: '--spec', text: 'openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths:\n  /v2/dossiers:\n    post:\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { type: object, properties: { a: { type: strinq } } }\n      responses:\n        "201": { description: ok }\n', place: /schema\.yaml: .*(POST \/v2\/dossiers|line \d+|type)/ },
  ];

  for (const c of CASES) {
    it(`exits 2 naming the file and the place — ${c.name}`, async () => {
      writeFileSync(join(dir, c.file), c.text);
      const { code, err } = await mockExit([c.flag, c.file]);
      expect(code, err).toBe(2);
      expect(err).toContain(c.file);
      expect(err).toMatch(c.place);
      expect(err).not.toMatch(/internal error|at .*\.js:\d+/);
    });
  }

  it('exits 2 on a config that is a directory', async () => {
    mkdirSync(join(dir, 'adir.yaml'), { recursive: true });
    const { code, err } = await mockExit(['--config', 'adir.yaml']);
    expect(code).toBe(2);
    expect(err).toContain('adir.yaml');
  });
});
