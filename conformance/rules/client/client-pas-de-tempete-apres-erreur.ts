// After a server error (5xx) the software does not hammer the OPCO: few resends of the same request within the storm window.
import { defineRule, notApplicable, verdict, type Violation } from '../rule.js';
import { avecEchanges, copieSession } from '../fixtures/session-valide.js';
import type { EchangeCfa } from '../../model/session.js';
import { chemin, identiteRequete, nommer, operationDe, secondes } from './support.js';

export default defineRule<'session'>({
  id: 'client-pas-de-tempete-apres-erreur',
  title: "Pas de renvois en rafale après une erreur du serveur (5xx)",
  requirements: ['CLI-09'],
  severity: 'bloquant',
  area: 'client',
  appliesTo: ['session'],
  check(session) {
    const { tempeteMaxRenvois: max, fenetreTempeteMs: fenetre } = session.parametres;
    const echanges = session.echanges;
    const erreurs = echanges.map((e, i) => [e, i] as const).filter(([e]) => e.response.status >= 500);
    if (erreurs.length === 0) return notApplicable('aucune erreur du serveur (5xx) dans la session');
    // A resend is the same request (operation and payload identity): a batch sending other contracts is not a storm.
    const identites = echanges.map(identiteRequete);
    const violations: Violation[] = [];
    // A storm answered 5xx again starts overlapping windows: each excess request is reported once.
    const signales = new Set<number>();
    for (const [erreur, index] of erreurs) {
      const renvois: number[] = [];
      for (let k = index + 1; k < echanges.length; k++) {
        const e = echanges[k]!;
        // The window is inclusive: a request exactly `fenetre` ms after the error still counts.
        if (e.receivedAtMs - erreur.receivedAtMs > fenetre) break;
        if (identites[k] !== identites[index]) continue;
        renvois.push(k);
        // A resend that went through ends the episode: later reads of the same dossier are polling (client-cadence-lecture-etat).
        if (e.response.status >= 200 && e.response.status < 300) break;
      }
      const exces = renvois[max];
      if (exces === undefined || signales.has(exces)) continue;
      signales.add(exces);
      const dernier = echanges[renvois[renvois.length - 1]!]!;
      violations.push({
        path: chemin(exces),
        expected: `au plus ${max} renvoi(s) de la même requête ${operationDe(erreur)} dans les ${secondes(fenetre)} suivant l'erreur ${erreur.response.status} de la requête #${erreur.seq}`,
        received: `${renvois.length} renvois en ${secondes(dernier.receivedAtMs - erreur.receivedAtMs)}`,
        message: `La requête ${nommer(echanges[exces]!)} fait partie d'une rafale de renvois après une erreur du serveur`,
      });
    }
    return verdict(violations);
  },
  plant(valid) {
    // The software resends the failed deposit again and again, each answered 503, pausing each time (so only the
    // count is at fault): tempeteMaxRenvois resends a second apart before the one that goes through.
    const session = copieSession(valid);
    const i = session.echanges.findIndex((e) => e.response.status >= 500);
    const erreur = session.echanges[i];
    if (!erreur) throw new Error("la session valide n'a pas d'erreur du serveur");
    const { tempeteMaxRenvois: max, pauseApresErreurMs: pause } = session.parametres;
    const pas = Math.max(pause, 1000);
    const rafale: EchangeCfa[] = Array.from({ length: max }, (_, n) => ({ ...structuredClone(erreur), receivedAtMs: erreur.receivedAtMs + (n + 1) * pas }));
    const suite = session.echanges.slice(i + 1).map((e) => ({ ...e, receivedAtMs: e.receivedAtMs + max * pas }));
    return { payload: avecEchanges(session, [...session.echanges.slice(0, i + 1), ...rafale, ...suite]) };
  },
});
