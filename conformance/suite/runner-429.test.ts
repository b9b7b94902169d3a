// The runner waits out a 429 as announced and resends, bounded; a step asking for the 429 gets it once (issue 13 §1).
import { describe, expect, it } from 'vitest';
import { ScenarioRunner, type Target } from './runner.js';
import { parseScenario } from './scenario.js';

const scenario = (expect: string, entetes = '') =>
  parseScenario(
    `id: statut\ntitre: t\nintention: i\nexigences: [API-13]\ncapacites: [v2]\nsteps:\n  - id: statut\n    request: { method: GET, path: /v2/status${entetes} }\n    expect: ${expect}\n`,
    'statut.yaml',
  );

const target: Target = { url: 'http://opco.test', cfaKey: 'k', editor: { editeur: 'E', logiciel: 'L', version: '1' }, capacites: ['v2'], statutInconnu: 404 };

/** A fetch answering 429 `times` times (with `retryAfter` when given), then 200. */
function throttling(times: number, retryAfter?: string): { fetch: typeof fetch; calls: () => number } {
  let calls = 0;
  const fetchFn = (async () => {
    calls++;
    if (calls <= times) return new Response('{"errors":[{"code":"TROP_DE_REQUETES","description":"Trop de requêtes"}]}', { status: 429, headers: { 'content-type': 'application/problem+json', ...(retryAfter ? { 'retry-after': retryAfter } : {}) } });
    return new Response('{"status":"healthy"}', { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { fetch: fetchFn, calls: () => calls };
}

async function run(times: number, retryAfter: string | undefined, expect = '{ regles: [serveur-statut-disponible], status: 200 }', entetes = '', maxWaitMs?: number) {
  const { fetch, calls } = throttling(times, retryAfter);
  const waits: number[] = [];
  const runner = new ScenarioRunner(scenario(expect, entetes), 0, target, {
    seed: 1,
    runId: 'R',
    timeoutMs: 1000,
    pollIntervalMs: 1,
    ...(maxWaitMs ? { maxWaitMs } : {}),
    schemas: { errors: () => [] },
    fetch,
    sleep: async (ms) => void waits.push(ms),
  }, { done: false });
  return { result: await runner.run(), waits, calls: calls() };
}

describe('429 answers', () => {
  it('are waited out as Retry-After announces, then the answer after them is judged', async () => {
    const { result, waits, calls } = await run(2, '2');
    expect(calls).toBe(3);
    expect(waits).toEqual([2000, 2000]);
    expect(result.outcome).toBe('pass');
    const judged = result.judgements.filter((j) => j.ruleId === 'serveur-statut-disponible' && j.result.outcome === 'pass');
    expect(judged[0]?.renvois).toBe('renvoyée 2 fois après une réponse 429 (Retry-After 2 → 2.0 s, Retry-After 2 → 2.0 s)');
  });

  it('caps the announced wait at --max-wait and waits a default when nothing is announced', async () => {
    expect((await run(1, '3600', undefined, '', 5_000)).waits).toEqual([5_000]);
    expect((await run(1, undefined)).waits).toEqual([1_000]);
  });

  it('skips the step, not fails it, after three resends still answered 429', async () => {
    const { result, calls } = await run(10, '1');
    expect(calls).toBe(4);
    expect(result.outcome).toBe('skip');
    expect(result.reason).toMatch(/toujours 429 après 3 renvois/);
    expect(result.judgements.filter((j) => j.result.outcome === 'fail')).toEqual([]);
  });

  it('are not resent when the step asks for them', async () => {
    expect((await run(1, '1', '{ regles: [serveur-pas-erreur-serveur], status: 429 }')).calls).toBe(1);
    expect((await run(1, '1', '{ regles: [serveur-pas-erreur-serveur] }', ', entetes: { Prefer: code=429 }')).calls).toBe(1);
  });
});
