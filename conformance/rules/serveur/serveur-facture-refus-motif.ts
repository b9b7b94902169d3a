// FACT-15: a refused invoice is refused with its reason: the invoice states list it REJETEE with a commentaire.
import { defineRule, notApplicable, verdict, type Violation } from '../rule.js';
import { copie, estPageDeListe, judgedBy, pageContainer, show } from './support.js';

const ID = 'serveur-facture-refus-motif';

export default defineRule({
  id: ID,
  title: "Une facture refusée l'est avec son motif : l'état REJETEE porte un commentaire",
  requirements: ['FACT-15'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check(echange) {
    const factures = estPageDeListe(echange) ? pageContainer(echange.response.body)?.factures : undefined;
    if (!Array.isArray(factures)) return judgedBy(echange, ID) ? verdict([{ path: 'factures', expected: 'une page des états de factures', received: show(factures) }]) : notApplicable('pas une page des états de factures');
    const violations: Violation[] = [];
    factures.forEach((f: Record<string, unknown> | null, i) => {
      if (f?.etatFacture !== 'REJETEE') return;
      const commentaire = f.commentaire;
      if (typeof commentaire !== 'string' || commentaire.trim() === '') {
        violations.push({ path: `factures[${i}].commentaire`, expected: 'le motif du rejet', received: show(commentaire) });
      }
    });
    return verdict(violations);
  },
  plant(valid) {
    const echange = copie(valid);
    echange.request = { ...echange.request, path: '/v2/factures/etats?numeroPage=1' };
    const factures = [{ numeroInterneFacture: 'F1', etatFacture: 'REJETEE', commentaire: null }];
    echange.response = { ...echange.response, status: 200, body: { total: 1, count: 1, page: 1, factures } };
    return { payload: echange };
  },
});
