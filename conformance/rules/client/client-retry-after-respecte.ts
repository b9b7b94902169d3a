// After a 429 with Retry-After, the software waits the given delay before calling the same operation again (RFC 9110 §10.2.3).
import { defineRule, notApplicable, verdict, type Violation } from '../rule.js';
import { copieSession } from '../fixtures/session-valide.js';
import { chemin, finAttente, nommer, operationDe, secondes } from './support.js';

export default defineRule<'session'>({
  id: 'client-retry-after-respecte',
  title: 'Le délai Retry-After est respecté après une réponse 429',
  requirements: ['CLI-07', 'CLI-08', 'API-11'],
  severity: 'bloquant',
  area: 'client',
  appliesTo: ['session'],
  check(session) {
    const echanges = session.echanges;
    const limites = echanges.map((e, i) => [e, i] as const).filter(([e]) => e.response.status === 429);
    if (limites.length === 0) return notApplicable('aucune réponse 429 dans la session');
    const violations: Violation[] = [];
    let juges = 0;
    let avecDelai = 0;
    for (const [limite, index] of limites) {
      const fin = finAttente(limite);
      if (fin === undefined) continue;
      avecDelai++;
      const suivant = echanges.findIndex((e, k) => k > index && operationDe(e) === operationDe(limite));
      if (suivant < 0) continue;
      juges++;
      const retry = echanges[suivant]!;
      if (retry.receivedAtMs >= fin) continue;
      violations.push({
        path: chemin(suivant),
        expected: `au plus tôt ${secondes(fin - limite.receivedAtMs)} après la réponse 429 de la requête #${limite.seq} (Retry-After : ${limite.response.headers['retry-after']})`,
        received: `${secondes(retry.receivedAtMs - limite.receivedAtMs)} après`,
        message: `La requête ${nommer(retry)} n'a pas attendu le délai Retry-After`,
      });
    }
    if (avecDelai === 0) return notApplicable('aucune réponse 429 ne porte un en-tête Retry-After lisible');
    if (juges === 0) return notApplicable("aucune nouvelle requête de la même opération après la réponse 429");
    return verdict(violations);
  },
  plant(valid) {
    // The software retries half a second after the 429, whatever Retry-After says.
    const session = copieSession(valid);
    const i = session.echanges.findIndex((e) => e.response.status === 429 && finAttente(e) !== undefined);
    const limite = session.echanges[i];
    const retry = session.echanges.find((e, k) => k > i && limite !== undefined && operationDe(e) === operationDe(limite));
    if (!limite || !retry) throw new Error("la session valide n'a pas de 429 suivi d'une nouvelle requête");
    retry.receivedAtMs = limite.receivedAtMs + 500;
    return { payload: session };
  },
});
