// The operations of the spec a profile offers, and the order that makes them one dossier's story in a Postman run.
import type { Capability, OpcoProfile } from '../../mocks/profiles.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Operation {
  method: string;
  /** The spec's path, e.g. `/v2/dossiers`. */
  path: string;
  /** `v1`, `v2`, or null for the paths outside the version prefix (`/oauth/token`, `/api/opcos`). */
  version: string | null;
  /** Method and path after the version prefix, as the mock's engine table names it: `POST /dossiers`. */
  key: string;
  definition: Record<string, any>;
  pathItem: Record<string, any>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Every operation of the spec that the profile offers: its versions and, through `capabilityOf` (the mock's engine
 * table), its capabilities. The token endpoint is kept only where it is used (OAuth2 profiles) and for `norme`.
 */
export function operationsOf(
  spec: Record<string, any>,
  profile: OpcoProfile,
  capabilityOf: (key: string) => Capability | null | undefined,
): Operation[] {
  const out: Operation[] = [];
  for (const [path, pathItem] of Object.entries<Record<string, any>>(spec.paths ?? {})) {
    const match = /^\/(v\d+)(\/.*)$/.exec(path);
    const version = match ? match[1]! : null;
    for (const method of METHODS) {
      const definition = pathItem[method] as Record<string, any> | undefined;
      if (!definition) continue;
      const key = `${method.toUpperCase()} ${match ? match[2]! : path}`;
      if (version !== null && !profile.versions.includes(version)) continue;
      const capability = capabilityOf(key);
      if (capability && !profile.capabilities.includes(capability)) continue;
      if (key === 'POST /oauth/token' && !profile.oauth2Required && profile.id !== 'norme') continue;
      out.push({ method: method.toUpperCase(), path, version, key, definition, pathItem });
    }
  }
  return out;
}

/**
 * The order of one dossier's story: token, status, deposit, reads, (mock: the OPCO decides), pieces, invoice,
 * certificat, rupture last (it ends the contract). `@decision` marks where the mock's clock moves on.
 */
const STORY = [
  'POST /oauth/token',
  'GET /status',
  'GET /cfakeyinfo',
  'POST /dossiers',
  'GET /dossiers',
  'GET /dossiers/etats',
  'GET /dossiers/liste',
  'GET /dossiers/appairage',
  '@decision',
  'POST /conventions',
  'POST /factures',
  'GET /factures/etats',
  'POST /certificats',
  'POST /documents',
  'POST /dossiers/rupture/employeur',
];

/** Position of an operation in the story; operations the story does not know come last, in the spec's order. */
export function storyRank(key: string): number {
  const rank = STORY.indexOf(key);
  return rank === -1 ? STORY.length : rank;
}
