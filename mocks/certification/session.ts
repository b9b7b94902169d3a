// A recorded certification session as the judge reads it: the stored exchanges plus the run's version and thresholds.
import type { SessionCfa } from '../../conformance/model/session.js';
import type { MockStore } from '../store/types.js';
import type { CertificationOptions } from './recorder.js';

/** The session `id` from the store, or undefined when the store holds none by that id. */
export async function loadSession(
  store: Pick<MockStore, 'getSession'>,
  id: string,
  options: Pick<CertificationOptions, 'script' | 'version'>,
): Promise<SessionCfa | undefined> {
  const stored = await store.getSession(id);
  if (!stored) return undefined;
  const session: SessionCfa = { id: stored.id, opco: stored.opco, cfa: stored.cfa, parametres: { ...options.script.parametres }, echanges: stored.echanges };
  if (options.version) session.version = options.version;
  return session;
}
