// A refused invoice is sent again only once corrected (FAQ: "après correction de la cause de refus"), never unchanged.
import { defineRule, notApplicable, verdict } from '../rule.js';
import { copieSession } from '../fixtures/session-valide.js';
import { chemin, estRefus, motifsRefus, nommer, OPERATION_FACTURE, operationDe, renvoisAveugles } from './support.js';

export default defineRule<'session'>({
  id: 'client-facture-rejetee-corrigee',
  title: "Une facture refusée n'est renvoyée qu'après correction",
  requirements: ['CLI-05', 'FACT-16'],
  severity: 'bloquant',
  area: 'client',
  appliesTo: ['session'],
  check(session) {
    const { refus, renvois } = renvoisAveugles(session, [OPERATION_FACTURE]);
    if (refus === 0) return notApplicable("aucune facture n'a été refusée dans la session");
    return verdict(
      renvois.map(({ refus: i, renvoi: j }) => {
        const refusee = session.echanges[i]!;
        const renvoi = session.echanges[j]!;
        return {
          path: chemin(j),
          expected: `une facture corrigée après le refus de la requête #${refusee.seq} (${motifsRefus(refusee.response.body)})`,
          received: `la même facture que la requête refusée #${refusee.seq}`,
          message: `La facture ${nommer(renvoi)} renvoie sans correction la facture refusée #${refusee.seq} : corrigez ce que le refus désigne avant de la renvoyer`,
        };
      }),
    );
  },
  plant(valid) {
    // The resend after the refusal carries the refused invoice unchanged (the mock's engine, not the play, accepts it).
    const session = copieSession(valid);
    const i = session.echanges.findIndex((e) => operationDe(e) === OPERATION_FACTURE && estRefus(e));
    const j = session.echanges.findIndex((e, k) => k > i && operationDe(e) === OPERATION_FACTURE);
    if (i < 0 || j < 0) throw new Error("la session valide n'a pas de facture refusée puis renvoyée");
    session.echanges[j]!.body = structuredClone(session.echanges[i]!.body);
    return { payload: session };
  },
});
