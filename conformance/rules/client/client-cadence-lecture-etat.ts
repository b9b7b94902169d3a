// The software polls a dossier's state (or a states page) at a bounded pace: at most lecturesMaxParSeconde reads of it per second.
import { defineRule, notApplicable, verdict, type Violation } from '../rule.js';
import { avecEchanges, copieSession } from '../fixtures/session-valide.js';
import { chemin, lecturesDe, nommer, secondes } from './support.js';

/** The sliding window the bound is counted in. */
const SECONDE_MS = 1000;

/** `dossier:X` → `du dossier X`; `etats-dossiers:page 1` → `de la page 1 des états des dossiers`. */
function objet(cle: string): string {
  const [genre, valeur] = [cle.slice(0, cle.indexOf(':')), cle.slice(cle.indexOf(':') + 1)];
  if (genre === 'dossier') return `du dossier ${valeur}`;
  return `de la ${valeur} des états des ${genre === 'etats-factures' ? 'factures' : 'dossiers'}`;
}

export default defineRule<'session'>({
  id: 'client-cadence-lecture-etat',
  title: "L'état d'un même dossier n'est pas sondé en rafale (au plus 2 lectures par seconde par défaut)",
  requirements: ['CLI-12'],
  severity: 'bloquant',
  area: 'client',
  appliesTo: ['session'],
  check(session) {
    const max = session.parametres.lecturesMaxParSeconde;
    const parCle = new Map<string, number[]>();
    session.echanges.forEach((e, i) => {
      for (const cle of lecturesDe(e)) parCle.set(cle, [...(parCle.get(cle) ?? []), i]);
    });
    if (parCle.size === 0) return notApplicable("aucune lecture d'un dossier ni des listes d'états dans la session");
    const violations: Violation[] = [];
    for (const [cle, indices] of parCle) {
      // The (max+1)-th read within one second of the read `max` before it is one too many; each key is reported once.
      const exces = indices.filter((index, n) => n >= max && session.echanges[index]!.receivedAtMs - session.echanges[indices[n - max]!]!.receivedAtMs < SECONDE_MS);
      const premier = exces[0];
      if (premier === undefined) continue;
      const n = indices.indexOf(premier);
      const debut = session.echanges[indices[n - max]!]!;
      violations.push({
        path: chemin(premier),
        expected: `au plus ${max} lecture(s) ${objet(cle)} par seconde`,
        received: `${max + 1} lectures en ${secondes(session.echanges[premier]!.receivedAtMs - debut.receivedAtMs)} (à partir de la requête #${debut.seq})${exces.length > 1 ? `, ${exces.length} lectures de trop dans la session` : ''}`,
        message: `La requête ${nommer(session.echanges[premier]!)} sonde l'état ${objet(cle)} trop vite`,
      });
    }
    return verdict(violations);
  },
  plant(valid) {
    // The software polls the dossier it just read twice more within the same second (5 reads a second).
    const session = copieSession(valid);
    const i = session.echanges.findIndex((e) => e.response.status === 200 && lecturesDe(e).some((c) => c.startsWith('dossier:')));
    const lecture = session.echanges[i];
    if (!lecture) throw new Error("la session valide ne lit aucun dossier");
    const sondes = [200, 400].map((ms) => ({ ...structuredClone(lecture), receivedAtMs: lecture.receivedAtMs + ms }));
    return { payload: avecEchanges(session, [...session.echanges.slice(0, i + 1), ...sondes, ...session.echanges.slice(i + 1)]) };
  },
});
