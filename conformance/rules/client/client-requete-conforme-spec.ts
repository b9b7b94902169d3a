// Every request the software sends respects the spec's request schemas (path, parameters, body).
import { defineRule, notApplicable, verdict, type Violation } from '../rule.js';
import { avecEchanges, copieSession, corpsProbleme, echange } from '../fixtures/session-valide.js';
import { chemin, nommer } from './support.js';

const MAX_ERREURS = 3;

/** The headers of a request without those of a body (a GET has none). */
function entetesSansCorps(headers: Record<string, string>): Record<string, string> {
  const { 'content-type': _type, ...reste } = headers;
  return reste;
}

export default defineRule<'session'>({
  id: 'client-requete-conforme-spec',
  title: 'Chaque requête respecte la spécification OpenAPI de la norme',
  requirements: ['CLI-03'],
  severity: 'bloquant',
  area: 'client',
  appliesTo: ['session'],
  check(session) {
    if (session.echanges.length === 0) return notApplicable('aucune requête enregistrée dans la session');
    const violations: Violation[] = [];
    session.echanges.forEach((e, index) => {
      // A scripted answer replaced the mock's engine: the request was not judged against the spec then.
      const erreurs = e.scripted === undefined ? (e.schemaErrors ?? []) : [];
      if (erreurs.length === 0) return;
      const autres = erreurs.length > MAX_ERREURS ? ` (et ${erreurs.length - MAX_ERREURS} autre(s))` : '';
      violations.push({
        path: chemin(index),
        expected: 'une requête conforme aux schémas de la spécification',
        received: `${erreurs.slice(0, MAX_ERREURS).join(' ; ')}${autres}`,
        message: `La requête ${nommer(e)} ne respecte pas la spécification de la norme`,
      });
    });
    return verdict(violations);
  },
  plant(valid) {
    // At the end of the session, a state list asked with page 0 (pages start at 1): refused by the mock.
    const session = copieSession(valid);
    const dernier = session.echanges[session.echanges.length - 1];
    const receivedAtMs = (dernier?.receivedAtMs ?? 0) + 10_000;
    const invalide = echange({
      receivedAtMs,
      ...(dernier ? { mockTime: dernier.mockTime, headers: entetesSansCorps(dernier.headers) } : {}),
      path: '/v2/dossiers/etats',
      query: { numeroPage: '0' },
      schemaErrors: ['query.numeroPage doit être supérieur ou égal à 1'],
      response: {
        status: 400,
        headers: { 'content-type': 'application/problem+json' },
        body: corpsProbleme('REQUETE_INVALIDE', 400, 'La requête ne respecte pas la spécification de la norme', [
          { code: 'REQUETE_INVALIDE', description: 'numeroPage doit être un entier supérieur ou égal à 1', champ: 'numeroPage' },
        ]),
      },
    });
    return { payload: avecEchanges(session, [...session.echanges, invalide]) };
  },
});
