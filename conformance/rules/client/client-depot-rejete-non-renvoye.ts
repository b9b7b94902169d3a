// A deposit the OPCO refused (4xx with errors[]) is never sent again unchanged; invoices are client-facture-rejetee-corrigee's.
import { defineRule, notApplicable, verdict } from '../rule.js';
import { avecEchanges, copieSession, corpsProbleme } from '../fixtures/session-valide.js';
import type { EchangeCfa } from '../../model/session.js';
import { chemin, motifsRefus, nommer, OPERATIONS_DEPOT, renvoisAveugles } from './support.js';

export default defineRule<'session'>({
  id: 'client-depot-rejete-non-renvoye',
  title: "Un dépôt refusé par l'OPCO n'est pas renvoyé à l'identique",
  requirements: ['CLI-04'],
  severity: 'bloquant',
  area: 'client',
  appliesTo: ['session'],
  check(session) {
    const { refus, renvois } = renvoisAveugles(session, OPERATIONS_DEPOT);
    if (refus === 0) return notApplicable("aucun dépôt (contrat, convention, certificat, pièce) n'a été refusé dans la session");
    return verdict(
      renvois.map(({ refus: i, renvoi: j }) => {
        const refuse = session.echanges[i]!;
        const renvoi = session.echanges[j]!;
        return {
          path: chemin(j),
          expected: `un dépôt corrigé après le refus de la requête #${refuse.seq} (${motifsRefus(refuse.response.body)})`,
          received: `le même corps que la requête refusée #${refuse.seq}`,
          message: `Le dépôt ${nommer(renvoi)} renvoie à l'identique le dépôt refusé #${refuse.seq} : corrigez ce que le refus désigne avant de le renvoyer`,
        };
      }),
    );
  },
  plant(valid) {
    // The software does not notice its deposit went through and sends the contract twice more: 409, then 409 again.
    const session = copieSession(valid);
    const depot = session.echanges.find((e) => e.operation === 'POST /dossiers' && e.response.status === 201);
    if (!depot) throw new Error("la session valide n'a pas de dépôt de contrat accepté");
    const dernier = session.echanges[session.echanges.length - 1]!;
    const refus = (secondes: number): EchangeCfa => ({
      ...structuredClone(depot),
      receivedAtMs: dernier.receivedAtMs + secondes * 1000,
      mockTime: dernier.mockTime,
      response: {
        status: 409,
        headers: { 'content-type': 'application/problem+json' },
        body: corpsProbleme('DOSSIER_DEJA_CONNU', 409, 'Un dossier portant ce numéro interne est déjà connu', [
          { code: 'DOSSIER_DEJA_CONNU', description: 'Un dossier portant ce numéro interne est déjà connu', champ: 'numeroInterne' },
        ]),
      },
    });
    return { payload: avecEchanges(session, [...session.echanges, refus(10), refus(15)]) };
  },
});
