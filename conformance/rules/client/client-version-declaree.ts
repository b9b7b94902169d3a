// When the editor declared a protocol version (--version), every versioned request of the session uses it.
import { defineRule, notApplicable, verdict, type Violation } from '../rule.js';
import { copieSession } from '../fixtures/session-valide.js';
import { chemin, nommer } from './support.js';

export default defineRule<'session'>({
  id: 'client-version-declaree',
  title: 'Les requêtes utilisent la version de la norme déclarée',
  requirements: ['CLI-10'],
  severity: 'avertissement',
  area: 'client',
  appliesTo: ['session'],
  check(session) {
    const declaree = session.version;
    if (declaree === undefined) return notApplicable("aucune version de la norme n'a été déclarée pour la session");
    const violations: Violation[] = [];
    session.echanges.forEach((e, index) => {
      if (e.version === undefined || e.version === declaree) return;
      violations.push({
        path: `${chemin(index)}.path`,
        expected: `un chemin en /${declaree}`,
        received: `/${e.version}`,
        message: `La requête ${nommer(e)} utilise la version ${e.version} au lieu de la version déclarée ${declaree}`,
      });
    });
    return verdict(violations);
  },
  plant(valid) {
    // The health check still calls the other version's path.
    const session = copieSession(valid);
    const autre = session.version === 'v1' ? 'v2' : 'v1';
    const e = session.echanges.find((x) => x.version !== undefined);
    if (!e) throw new Error("la session valide n'a pas de requête versionnée");
    e.path = e.path.replace(/\/v[12](?=\/)/, `/${autre}`);
    e.version = autre;
    return { payload: session };
  },
});
