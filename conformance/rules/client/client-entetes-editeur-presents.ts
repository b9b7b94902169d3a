// Every request of the session carries the software headers EDITEUR, LOGICIEL and VERSION, non-blank.
import type { EchangeCfa } from '../../model/session.js';
import { defineRule, notApplicable, verdict, type Violation } from '../rule.js';
import { avecEchanges, copieSession, corpsProbleme } from '../fixtures/session-valide.js';
import { chemin, estJeton, nommer } from './support.js';

const ENTETES = ['editeur', 'logiciel', 'version'] as const;

/** The headers of the triplet that are absent or blank, in upper case as the norm names them. */
export function entetesManquantes(echange: EchangeCfa): string[] {
  return ENTETES.filter((h) => (echange.headers[h] ?? '').trim() === '').map((h) => h.toUpperCase());
}

export default defineRule<'session'>({
  id: 'client-entetes-editeur-presents',
  title: 'Chaque requête porte les en-têtes EDITEUR, LOGICIEL et VERSION',
  requirements: ['CLI-01'],
  severity: 'bloquant',
  area: 'client',
  appliesTo: ['session'],
  check(session) {
    const requetes = session.echanges.map((e, i) => [e, i] as const).filter(([e]) => !estJeton(e));
    if (requetes.length === 0) return notApplicable('aucune requête enregistrée dans la session');
    const violations: Violation[] = [];
    for (const [echange, index] of requetes) {
      const manquantes = entetesManquantes(echange);
      if (manquantes.length === 0) continue;
      violations.push({
        path: `${chemin(index)}.headers`,
        expected: 'EDITEUR, LOGICIEL et VERSION renseignés',
        received: `${manquantes.join(', ')} absent${manquantes.length > 1 ? 's' : ''} ou vide${manquantes.length > 1 ? 's' : ''}`,
        message:
          manquantes.length > 1
            ? `La requête ${nommer(echange)} ne porte pas les en-têtes ${manquantes.join(', ')} : votre logiciel doit les envoyer à chaque appel`
            : `La requête ${nommer(echange)} ne porte pas l'en-tête ${manquantes[0]} : votre logiciel doit l'envoyer à chaque appel`,
      });
    }
    return verdict(violations);
  },
  plant(valid) {
    // The first call forgets EDITEUR; the mock refuses it as it would.
    const session = copieSession(valid);
    const echanges = session.echanges.map((e, i) => {
      if (i !== 0) return e;
      const { editeur: _oublie, ...headers } = e.headers;
      return {
        ...e,
        headers,
        response: {
          status: 400,
          headers: { 'content-type': 'application/problem+json' },
          body: corpsProbleme('ENTETE_EDITEUR_ABSENTE', 400, 'Un en-tête obligatoire (EDITEUR, LOGICIEL, VERSION) est absent', [
            { code: 'ENTETE_EDITEUR_ABSENTE', description: "L'en-tête EDITEUR est absent", champ: 'EDITEUR' },
          ]),
        },
      };
    });
    return { payload: avecEchanges(session, echanges) };
  },
});
