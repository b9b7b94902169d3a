// What every engine operation receives: the store, the clock, the caller's scope and the OPCO's profile.
import type { Clock } from '../clock.js';
import type { OpcoProfile } from '../profiles.js';
import type { MockStore, Scope } from '../store/types.js';
import type { CfaTenant } from '../tenants.js';
import type { Referentiel } from './referentiel.js';
import { CONFORME, type Comportement } from './comportement.js';

export interface Delais {
  instruction: string;
  decision: string;
  paiement: string;
}

export interface EngineContext {
  store: MockStore;
  clock: Clock;
  delais: Delais;
  pageSize: number;
  referentiel: Referentiel;
  profile: OpcoProfile;
  tenant: CfaTenant;
  scope: Scope;
  /** SIRETs of every CFA known to the mock (facturation rule "SIRET inconnu"). */
  siretsConnus: string[];
  /** The behaviours a broken variant may replace (mocks/variants builds it); CONFORME for the conformant mock. */
  comportement: Comportement;
}

/** What the engine's context is made of for every request: the app's state (read per request) and settings. */
export interface EngineSetting {
  runtime: { store: MockStore; clock: Clock; horloges?: { pour(cfa: string): Clock } | undefined; tenants: { sirets(): string[] }; comportement?: Comportement };
  delais: Delais;
  pageSize: number;
  referentiel: Referentiel;
}

/**
 * The context of one CFA's request on one OPCO's routes (`opco`: the root paths serve the default OPCO): built the
 * same way by Fastify's handler and by the lean path.
 */
export function engineContext(setting: EngineSetting, profile: OpcoProfile, tenant: CfaTenant, opco: string): EngineContext {
  const { runtime } = setting;
  return {
    store: runtime.store,
    // The CFA's own clock once it moved it (a shared sandbox: one editor's time travel is its own).
    clock: runtime.horloges?.pour(tenant.siret) ?? runtime.clock,
    delais: setting.delais,
    pageSize: setting.pageSize,
    referentiel: setting.referentiel,
    profile,
    tenant,
    scope: { opco, cfa: tenant.siret },
    siretsConnus: runtime.tenants.sirets(),
    comportement: runtime.comportement ?? CONFORME,
  };
}

/** What a request brings to an operation: query (strings or lists) and parsed body. */
export interface OperationInput {
  query: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface OperationResult {
  status: number;
  body: unknown;
}
