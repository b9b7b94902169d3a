// A contract already sent (accepted, or left unsure by a 5xx) is never deposited again under a new numeroInterne: the OPCO would hold a duplicate.
import { defineRule, notApplicable, verdict, type Violation } from '../rule.js';
import { avecEchanges, copieSession } from '../fixtures/session-valide.js';
import type { EchangeCfa } from '../../model/session.js';
import { chemin, identiteContrat, nommer, numeroInterneDepose, operationDe } from './support.js';

/** A deposit's success: 201, or 200 where the OPCO's profile answers so. */
const ACCEPTE = new Set([200, 201]);

/** The number the OPCO holds the contract under after `depot`: the one it answered, else the one sent. */
function numeroTenu(depot: EchangeCfa): string | undefined {
  const reponse = depot.response.body;
  const attribue = reponse !== null && typeof reponse === 'object' ? (reponse as { numeroInterne?: unknown }).numeroInterne : undefined;
  if (ACCEPTE.has(depot.response.status) && typeof attribue === 'string' && attribue !== '') return attribue;
  return numeroInterneDepose(depot.body);
}

const nommerNumero = (numero: string | undefined): string => (numero === undefined ? 'sans numeroInterne' : `numeroInterne ${numero}`);

export default defineRule<'session'>({
  id: 'client-contrat-sans-doublon',
  title: "Un même contrat n'est pas redéposé sous un nouveau numeroInterne",
  requirements: ['CLI-13'],
  severity: 'bloquant',
  area: 'client',
  appliesTo: ['session'],
  check(session) {
    const echanges = session.echanges;
    const depots = echanges.map((e, i) => [e, i] as const).filter(([e]) => operationDe(e) === 'POST /dossiers');
    if (depots.length < 2) return notApplicable('moins de deux dépôts de contrat dans la session');
    const identites = new Map(depots.map(([e, i]) => [i, identiteContrat(e.body)]));
    const violations: Violation[] = [];
    for (const [depot, j] of depots) {
      const identite = identites.get(j);
      if (identite === undefined) continue;
      const numero = numeroInterneDepose(depot.body);
      // The OPCO may hold the earlier deposit: it was accepted, or its 5xx left the software unsure.
      const anterieur = depots.find(([e, i]) => i < j && identites.get(i) === identite && (ACCEPTE.has(e.response.status) || e.response.status >= 500) && numeroTenu(e) !== numero);
      if (anterieur === undefined) continue;
      const [premier] = anterieur;
      violations.push({
        path: chemin(j),
        expected: `le contrat de la requête #${premier.seq} renvoyé sous son ${nommerNumero(numeroTenu(premier))} (même apprenti, même SIRET employeur, même date de début)`,
        received: `redéposé ${nommerNumero(numero)}`,
        message: `La requête ${nommer(depot)} redépose sous un nouveau numéro un contrat déjà transmis par la requête #${premier.seq} : l'OPCO le tiendrait en double`,
      });
    }
    return verdict(violations);
  },
  plant(valid) {
    // The software deposits the accepted contract a second time, under a new numeroInterne.
    const session = copieSession(valid);
    const i = session.echanges.findIndex((e) => operationDe(e) === 'POST /dossiers' && ACCEPTE.has(e.response.status));
    const depot = session.echanges[i];
    if (!depot) throw new Error("la session valide n'a pas de contrat accepté");
    const body = structuredClone(depot.body) as Record<string, unknown>;
    const cible = (body.cerfa !== null && typeof body.cerfa === 'object' ? body.cerfa : body) as Record<string, unknown>;
    cible.numeroInterne = 'CFA-2025-000999';
    const doublon: EchangeCfa = {
      ...structuredClone(depot),
      receivedAtMs: depot.receivedAtMs + 500,
      body,
      response: { ...structuredClone(depot.response), body: { numeroInterne: 'CFA-2025-000999', numeroExterne: 'NORME-2025-000002', etat: 'TRANSMIS' } },
    };
    return { payload: avecEchanges(session, [...session.echanges.slice(0, i + 1), doublon, ...session.echanges.slice(i + 1)]) };
  },
});
