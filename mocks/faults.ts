// Injected faults: latency, 429, 500, 503 or a dropped connection, registered by the admin API or asked per request (Prefer).
import { randomUUID } from 'node:crypto';
import { MockProblem } from './errors.js';

export const FAULT_KINDS = ['latency', '429', '500', '503', 'drop'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  /** `POST /dossiers` (method + path after the version), or absent for every operation. */
  operation?: string;
  /** CFA SIRET, or absent for every CFA. */
  tenant?: string;
  kind: FaultKind;
  latencyMs?: number;
  /** Seconds, sent in Retry-After with 429 and 503. */
  retryAfter?: number;
  /** Applies to the next `count` matching requests, then disappears. */
  count?: number;
  /** Applies to this share (0–1) of matching requests. */
  ratio?: number;
}

export interface Fault extends FaultSpec {
  id: string;
}

/** What to do with one request: wait, then fail, drop, or go on. */
export interface FaultEffect {
  latencyMs: number;
  problem?: MockProblem;
  drop?: boolean;
}

export const faultSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind'],
  properties: {
    operation: { type: 'string', pattern: '^(GET|POST|PUT|PATCH|DELETE) /' },
    tenant: { type: 'string', pattern: '^[0-9]{14}$' },
    kind: { enum: [...FAULT_KINDS] },
    latencyMs: { type: 'integer', minimum: 0, maximum: 60_000 },
    retryAfter: { type: 'integer', minimum: 0, maximum: 86_400 },
    count: { type: 'integer', minimum: 1 },
    ratio: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
  },
  not: { required: ['count', 'ratio'] },
} as const;

const MAX_PREFER_LATENCY = 30_000;

function problemFor(status: number, retryAfter?: number): MockProblem {
  const headers: Record<string, string> = retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {};
  if (status === 429) return new MockProblem('TROP_DE_REQUETES', 'Limite de débit atteinte (faute injectée)', [], { headers: { 'retry-after': String(retryAfter ?? 1), ...headers } });
  if (status === 503) return new MockProblem('SERVICE_INDISPONIBLE', 'Service indisponible (faute injectée)', [], { headers });
  return new MockProblem('ERREUR_SIMULEE', `Erreur ${status} simulée (faute injectée)`, [], { status, headers });
}

export class FaultInjector {
  private faults: Fault[] = [];

  constructor(private readonly random: () => number = Math.random) {}

  add(spec: FaultSpec): Fault {
    const fault = { ...spec, id: randomUUID() };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }

  /** Replaces the armed faults with those another instance saved in the shared store (their counts start afresh here). */
  load(faults: readonly Fault[]): void {
    this.faults = faults.map((f) => ({ ...f }));
  }

  /** The effect of the registered faults on one request; consumes counted faults. */
  match(operation: string, tenant: string | undefined): FaultEffect {
    const effect: FaultEffect = { latencyMs: 0 };
    for (const fault of [...this.faults]) {
      if (fault.operation && fault.operation !== operation) continue;
      if (fault.tenant && fault.tenant !== tenant) continue;
      if (fault.ratio !== undefined && this.random() >= fault.ratio) continue;
      if (fault.count !== undefined) {
        fault.count -= 1;
        if (fault.count <= 0) this.faults = this.faults.filter((f) => f.id !== fault.id);
      }
      if (fault.kind === 'latency') effect.latencyMs += fault.latencyMs ?? 0;
      else if (fault.kind === 'drop') effect.drop = true;
      else effect.problem ??= problemFor(Number(fault.kind), fault.retryAfter);
    }
    return effect;
  }
}

/** Reads `Prefer: code=503, latency=200` (Prism's convention for picking a response per request). */
export function preferEffect(header: string | string[] | undefined): FaultEffect {
  const effect: FaultEffect = { latencyMs: 0 };
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return effect;
  for (const part of value.split(/[,;]/)) {
    const [rawKey, rawValue] = part.split('=').map((s) => s.trim());
    if (rawKey === 'latency' && rawValue && /^\d+$/.test(rawValue)) effect.latencyMs = Math.min(Number(rawValue), MAX_PREFER_LATENCY);
    if (rawKey === 'code' && rawValue && /^[45]\d\d$/.test(rawValue)) effect.problem = problemFor(Number(rawValue));
    if (rawKey === 'fault' && rawValue === 'drop') effect.drop = true;
  }
  return effect;
}
