// What the engine models, keyed by method and path after the version prefix, and the lazy loading of its modules.
import type { Capability } from '../profiles.js';
import type { EngineContext, OperationInput, OperationResult } from '../engine/context.js';

type Handler = (ctx: EngineContext, input: OperationInput) => Promise<OperationResult>;

export interface EngineOperation {
  capability: Capability | null;
  handler: Handler;
  /** Writes go through one queue so read-then-write checks (duplicates) cannot interleave. */
  writes: boolean;
  /** Work that needs no store (judging a payload), done before the queue; returns the write to queue. */
  prepare?: (ctx: EngineContext, input: OperationInput) => () => Promise<OperationResult>;
}

/**
 * What the engine models, keyed by method and path after the version prefix. The engine's modules pull in the rule
 * catalogue (about 150 ms of module loading): they are loaded once the app is up (`loadEngine`), not before it
 * listens; a request arriving before they are in waits for them (docs/benchmarks.md).
 */
const engineTable = (
  dossiers: typeof import('../engine/dossiers.js'),
  factures: typeof import('../engine/factures.js'),
  pieces: typeof import('../engine/pieces.js'),
): Record<string, EngineOperation> => ({
  'POST /dossiers': { capability: 'dossiers', handler: dossiers.deposerDossier, prepare: dossiers.preparerDepot, writes: true },
  'GET /dossiers': { capability: 'dossiers', handler: dossiers.lireDossier, writes: false },
  'GET /dossiers/etats': { capability: 'dossiers', handler: dossiers.etatsDossiers, writes: false },
  'GET /dossiers/liste': { capability: 'dossiers', handler: dossiers.listeDossiers, writes: false },
  'GET /dossiers/appairage': { capability: 'dossiers', handler: dossiers.appairage, writes: false },
  'POST /dossiers/rupture/employeur': { capability: 'rupture', handler: dossiers.ruptureEmployeur, writes: true },
  'POST /factures': { capability: 'factures', handler: factures.deposerFacture, writes: true },
  'GET /factures/etats': { capability: 'facturesEtats', handler: factures.etatsFactures, writes: false },
  'POST /conventions': { capability: 'conventions', handler: pieces.deposerConvention, writes: true },
  'POST /certificats': { capability: 'certificats', handler: pieces.deposerCertificat, writes: true },
  'POST /documents': { capability: 'documents', handler: pieces.deposerDocument, writes: true },
  'GET /cfakeyinfo': { capability: 'cfakeyinfo', handler: cfaKeyInfo, writes: false },
});

/** The keys of `engineTable`, known without loading the engine (mocks/fast-path.test.ts checks they are the same). */
export const ENGINE_OPERATIONS: readonly string[] = [
  'POST /dossiers',
  'GET /dossiers',
  'GET /dossiers/etats',
  'GET /dossiers/liste',
  'GET /dossiers/appairage',
  'POST /dossiers/rupture/employeur',
  'POST /factures',
  'GET /factures/etats',
  'POST /conventions',
  'POST /certificats',
  'POST /documents',
  'GET /cfakeyinfo',
];

let engineLoading: Promise<Record<string, EngineOperation>> | undefined;
let loadedEngine: Record<string, EngineOperation> | undefined;
let loadedDossiers: typeof import('../engine/dossiers.js') | undefined;

/** Loads the engine's modules once (every app of the process shares them). */
export function loadEngine(): Promise<Record<string, EngineOperation>> {
  engineLoading ??= Promise.all([import('../engine/dossiers.js'), import('../engine/factures.js'), import('../engine/pieces.js')]).then(
    ([dossiers, factures, pieces]) => {
      loadedDossiers = dossiers;
      return (loadedEngine = engineTable(dossiers, factures, pieces));
    },
    (error: unknown) => {
      // A later request tries again (and answers the error) rather than every request failing on a cached rejection.
      engineLoading = undefined;
      throw error;
    },
  );
  return engineLoading;
}

/** The engine's table once loaded, else undefined (then await `loadEngine()`). */
export function engineIfLoaded(): Record<string, EngineOperation> | undefined {
  return loadedEngine;
}

/** The engine's dossier operations once loaded (the lean path answers only then). */
export function dossiersIfLoaded(): typeof import('../engine/dossiers.js') | undefined {
  return loadedDossiers;
}

async function cfaKeyInfo(ctx: EngineContext): Promise<OperationResult> {
  const end = new Date(ctx.clock.now().getTime() + 365 * 86_400_000).toISOString().slice(0, 10);
  return { status: 200, body: { status: 'success', dateFinValidite: end, comment: `Clé valide pour ${ctx.tenant.denomination}` } };
}
