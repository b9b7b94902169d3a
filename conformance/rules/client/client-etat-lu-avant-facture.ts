// Before invoicing a dossier the software has read its state (and so its échéancier) from the OPCO in the session.
import { defineRule, notApplicable, verdict, type Violation } from '../rule.js';
import { avecEchanges, copieSession } from '../fixtures/session-valide.js';
import { chemin, litEtat, nommer, OPERATION_FACTURE, operationDe } from './support.js';

/** The dossier numbers an invoice body names, with the index of their first line. */
function dossiersFactures(body: unknown): Array<{ numero: string; ligne: number }> {
  const lignes = body !== null && typeof body === 'object' ? (body as { lignes?: unknown }).lignes : undefined;
  if (!Array.isArray(lignes)) return [];
  const vus = new Map<string, number>();
  lignes.forEach((ligne: unknown, index) => {
    const numero = ligne !== null && typeof ligne === 'object' ? (ligne as { numeroInterneDossier?: unknown }).numeroInterneDossier : undefined;
    if (typeof numero === 'string' && numero !== '' && !vus.has(numero)) vus.set(numero, index);
  });
  return [...vus].map(([numero, ligne]) => ({ numero, ligne }));
}

export default defineRule<'session'>({
  id: 'client-etat-lu-avant-facture',
  title: "L'état du dossier est lu avant de le facturer",
  requirements: ['CLI-06'],
  severity: 'bloquant',
  area: 'client',
  appliesTo: ['session'],
  check(session) {
    const echanges = session.echanges;
    const factures = echanges.map((e, i) => [e, i] as const).filter(([e]) => operationDe(e) === OPERATION_FACTURE);
    if (factures.length === 0) return notApplicable("aucune facture envoyée dans la session");
    const violations: Violation[] = [];
    for (const [facture, index] of factures) {
      for (const { numero, ligne } of dossiersFactures(facture.body)) {
        if (echanges.slice(0, index).some((e) => litEtat(e, numero))) continue;
        violations.push({
          path: `${chemin(index)}.body.lignes[${ligne}].numeroInterneDossier`,
          expected: `une lecture de l'état du dossier ${numero} avant la facture (GET /dossiers?numeroInterne=, /dossiers/etats ou /dossiers/liste)`,
          received: `aucune lecture réussie du dossier avant la requête #${facture.seq}`,
          message: `La facture ${nommer(facture)} porte sur un dossier dont l'état n'a pas été lu`,
        });
      }
    }
    return verdict(violations);
  },
  plant(valid) {
    // The software invoices from its own records: it never reads the dossier back from the OPCO.
    const session = copieSession(valid);
    const numeros = new Set(
      session.echanges.filter((e) => operationDe(e) === OPERATION_FACTURE).flatMap((e) => dossiersFactures(e.body).map((d) => d.numero)),
    );
    // Its reads of those dossiers (the 429 one included) are gone.
    const lit = (e: (typeof session.echanges)[number]): boolean =>
      [...numeros].some((n) => litEtat(e, n) || (operationDe(e) === 'GET /dossiers' && e.query.numeroInterne === n));
    return { payload: avecEchanges(session, session.echanges.filter((e) => !lit(e))) };
  },
});
