// Who is looking at the console: the admin token, or a CFA key (its CFA only), read from the Authorization header.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { sessionIdOf } from '../certification/recorder.js';
import { MockProblem } from '../errors.js';
import type { MockRuntime } from '../http/types.js';
import type { Viewer } from './types.js';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const NON_AUTORISE = () =>
  new MockProblem('ADMIN_NON_AUTORISE', "En-tête Authorization: Bearer <jeton d'administration ou clé d'API d'un CFA> attendu", [
    { code: 'ADMIN_NON_AUTORISE', description: "Le jeton d'administration ou la clé d'API du CFA est absent ou inconnu", champ: 'Authorization' },
  ]);

/**
 * The viewer of a console request. Credentials travel only in `Authorization: Bearer …` (never in a URL); the
 * admin token is compared in constant time; a CFA key is looked up at every OPCO, like the norm's X-API-KEY.
 */
export function viewerOf(runtime: MockRuntime, request: FastifyRequest): Viewer {
  const auth = request.headers.authorization;
  const secret = typeof auth === 'string' ? /^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim() : undefined;
  if (!secret) throw NON_AUTORISE();
  if (same(secret, runtime.config.admin.token)) return { admin: true };
  const opcos = [...runtime.profiles.keys()].filter((opco) => runtime.tenants.findByKey(opco, secret) !== undefined);
  const tenant = opcos[0] !== undefined ? runtime.tenants.findByKey(opcos[0], secret) : undefined;
  if (!tenant) throw NON_AUTORISE();
  // A key is one CFA's: should two CFAs share it on different OPCOs, the console shows the first one's.
  const mine = opcos.filter((opco) => runtime.tenants.findByKey(opco, secret)?.siret === tenant.siret);
  return {
    admin: false,
    cfa: tenant.siret,
    denomination: tenant.denomination,
    opcos: mine,
    sessions: mine.map((opco) => sessionIdOf(opco, secret)),
  };
}

/** The admin only (clock, faults, plays): a CFA key is told so. */
export function requireAdmin(viewer: Viewer): void {
  if (!viewer.admin) {
    throw new MockProblem('ADMIN_NON_AUTORISE', "Cette action est réservée au jeton d'administration du bouchon", [
      { code: 'ADMIN_NON_AUTORISE', description: "Action réservée au jeton d'administration", champ: 'Authorization' },
    ], { status: 403 });
  }
}

/** Whether the viewer may see what belongs to this CFA on this OPCO. */
export function sees(viewer: Viewer, cfa: string | undefined, opco?: string): boolean {
  if (viewer.admin) return true;
  return cfa === viewer.cfa && (opco === undefined || viewer.opcos.includes(opco));
}
