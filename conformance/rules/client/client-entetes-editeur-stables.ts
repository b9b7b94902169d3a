// The software presents itself the same way all session long: the EDITEUR / LOGICIEL / VERSION triplet does not change.
import { defineRule, notApplicable, verdict, type Violation } from '../rule.js';
import { copieSession } from '../fixtures/session-valide.js';
import { chemin, estJeton, nommer } from './support.js';

/** `EDITEUR / LOGICIEL / VERSION` when all three are given (a missing one is client-entetes-editeur-presents' finding). */
function triplet(headers: Record<string, string>): string | undefined {
  const valeurs = [headers.editeur, headers.logiciel, headers.version].map((v) => (v ?? '').trim());
  return valeurs.some((v) => v === '') ? undefined : valeurs.join(' / ');
}

export default defineRule<'session'>({
  id: 'client-entetes-editeur-stables',
  title: 'Le logiciel se présente de la même façon pendant toute la session (EDITEUR, LOGICIEL, VERSION)',
  requirements: ['CLI-02'],
  severity: 'avertissement',
  area: 'client',
  appliesTo: ['session'],
  check(session) {
    const violations: Violation[] = [];
    let precedent: string | undefined;
    let vus = 0;
    session.echanges.forEach((echange, index) => {
      if (estJeton(echange)) return;
      const courant = triplet(echange.headers);
      if (courant === undefined) return;
      vus++;
      // Reported where it changes, not on every later request.
      if (precedent !== undefined && courant !== precedent) {
        violations.push({
          path: `${chemin(index)}.headers`,
          expected: precedent,
          received: courant,
          message: `Le logiciel change d'identité en cours de session à la requête ${nommer(echange)}`,
        });
      }
      precedent = courant;
    });
    if (vus === 0) return notApplicable('aucune requête ne porte les trois en-têtes EDITEUR, LOGICIEL et VERSION');
    return verdict(violations);
  },
  plant(valid) {
    // The software is updated halfway: from the 6th request on it announces another version.
    const session = copieSession(valid);
    session.echanges.forEach((e, i) => {
      if (i >= 5 && e.headers.version !== undefined) e.headers.version = `${e.headers.version}-maj`;
    });
    return { payload: session };
  },
});
