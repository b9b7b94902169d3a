// Fault injection: filters by operation and tenant, counted and sampled faults, and the Prefer header.
import { describe, expect, it } from 'vitest';
import { FaultInjector, preferEffect } from './faults.js';

describe('FaultInjector', () => {
  it('matches on operation and tenant, and consumes counted faults', () => {
    const faults = new FaultInjector();
    faults.add({ operation: 'POST /dossiers', tenant: '85300000800005', kind: '500', count: 2 });
    expect(faults.match('GET /dossiers', '85300000800005').problem).toBeUndefined();
    expect(faults.match('POST /dossiers', '42100000100006').problem).toBeUndefined();
    expect(faults.match('POST /dossiers', '85300000800005').problem?.status).toBe(500);
    expect(faults.match('POST /dossiers', '85300000800005').problem?.status).toBe(500);
    expect(faults.match('POST /dossiers', '85300000800005').problem).toBeUndefined();
    expect(faults.list()).toEqual([]);
  });

  it('samples with ratio, adds latencies, and drops', () => {
    const draws = [0.1, 0.9];
    const faults = new FaultInjector(() => draws.shift() ?? 0);
    faults.add({ kind: '503', ratio: 0.5, retryAfter: 3 });
    const hit = faults.match('GET /x', undefined);
    expect(hit.problem?.status).toBe(503);
    expect(hit.problem?.headers['retry-after']).toBe('3');
    expect(faults.match('GET /x', undefined).problem).toBeUndefined();
    faults.clear();
    faults.add({ kind: 'latency', latencyMs: 100 });
    faults.add({ kind: 'latency', latencyMs: 50 });
    faults.add({ kind: 'drop' });
    expect(faults.match('GET /x', undefined)).toEqual({ latencyMs: 150, drop: true });
  });
});

describe('preferEffect', () => {
  it('reads code, latency and fault=drop like Prism, and ignores the rest', () => {
    expect(preferEffect('code=429').problem?.headers['retry-after']).toBe('1');
    expect(preferEffect('code=503, latency=200')).toMatchObject({ latencyMs: 200 });
    expect(preferEffect('latency=999999').latencyMs).toBe(30_000);
    expect(preferEffect('fault=drop').drop).toBe(true);
    expect(preferEffect('code=200').problem).toBeUndefined();
    expect(preferEffect('return=minimal')).toEqual({ latencyMs: 0 });
    expect(preferEffect(undefined)).toEqual({ latencyMs: 0 });
  });
});
