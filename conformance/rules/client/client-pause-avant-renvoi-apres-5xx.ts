// After a server error (5xx) the software pauses before resending the same request: Retry-After when given, else pauseApresErreurMs.
import { defineRule, notApplicable, verdict, type Violation } from '../rule.js';
import { copieSession } from '../fixtures/session-valide.js';
import { chemin, finPauseErreur, identiteRequete, nommer, secondes } from './support.js';

export default defineRule<'session'>({
  id: 'client-pause-avant-renvoi-apres-5xx',
  title: "Une pause précède le renvoi d'une requête après une erreur du serveur (5xx)",
  requirements: ['CLI-11'],
  severity: 'bloquant',
  area: 'client',
  appliesTo: ['session'],
  check(session) {
    const echanges = session.echanges;
    const pause = session.parametres.pauseApresErreurMs;
    const erreurs = echanges.map((e, i) => [e, i] as const).filter(([e]) => e.response.status >= 500);
    if (erreurs.length === 0) return notApplicable('aucune erreur du serveur (5xx) dans la session');
    const identites = echanges.map(identiteRequete);
    const violations: Violation[] = [];
    let juges = 0;
    for (const [erreur, index] of erreurs) {
      // Only the first resend of the same request is judged: the one that follows this error.
      const suivant = identites.findIndex((id, k) => k > index && id === identites[index]);
      if (suivant < 0) continue;
      juges++;
      const renvoi = echanges[suivant]!;
      const { fin, selon } = finPauseErreur(erreur, pause);
      if (renvoi.receivedAtMs >= fin) continue;
      violations.push({
        path: chemin(suivant),
        expected:
          selon === 'retry-after'
            ? `au plus tôt ${secondes(fin - erreur.receivedAtMs)} après l'erreur ${erreur.response.status} de la requête #${erreur.seq} (Retry-After : ${erreur.response.headers['retry-after']})`
            : `au plus tôt ${secondes(pause)} après l'erreur ${erreur.response.status} de la requête #${erreur.seq} (pause minimale du banc)`,
        received: `${Math.max(0, renvoi.receivedAtMs - erreur.receivedAtMs)} ms après`,
        message: `La requête ${nommer(renvoi)} renvoie sans pause une requête qui venait d'échouer sur une erreur du serveur`,
      });
    }
    if (juges === 0) return notApplicable("aucune requête renvoyée après une erreur du serveur (5xx)");
    return verdict(violations);
  },
  plant(valid) {
    // The software resends the deposit answered 503 at once, 0 ms after the error.
    const session = copieSession(valid);
    const i = session.echanges.findIndex((e) => e.response.status >= 500);
    const erreur = session.echanges[i];
    const renvoi = session.echanges.find((e, k) => k > i && erreur !== undefined && identiteRequete(e) === identiteRequete(erreur));
    if (!erreur || !renvoi) throw new Error("la session valide n'a pas d'erreur du serveur suivie d'un renvoi");
    renvoi.receivedAtMs = erreur.receivedAtMs;
    return { payload: session };
  },
});
