// FAQ rejection 1: an invoice number the OPCO already knows is refused (a corrected invoice is sent again only after a rejection).
import { defineRule, fail, pass, skip } from '../rule.js';
import { copie } from '../support/facturation.js';

export default defineRule<'facture'>({
  id: 'facture-deja-connue',
  title: 'La facture est déjà connue de notre système',
  requirements: ['FACT-01'],
  severity: 'bloquant',
  area: 'facturation',
  appliesTo: ['facture'],
  code: 'FACTURE_DEJA_CONNUE',
  check(facture, context) {
    // Invoices the OPCO rejected may be sent again (FAQ): the caller lists only the invoices it accepted.
    if (!context.facturesConnues) return skip('contexte requis : les factures déjà connues de l’OPCO (context.facturesConnues)');
    if (!context.facturesConnues.includes(facture.numeroInterneFacture)) return pass();
    return fail({
      path: 'numeroInterneFacture',
      expected: 'un numéro de facture jamais transmis à l’OPCO',
      received: String(facture.numeroInterneFacture),
    });
  },
  plant(valid, context) {
    const connue = context.facturesConnues?.find((n) => n !== valid.numeroInterneFacture);
    if (connue !== undefined) {
      const payload = copie(valid);
      payload.numeroInterneFacture = connue;
      // The embedded certificat names its invoice: it follows.
      if (payload.certificatRealisation?.numeroInterneFacture !== undefined) payload.certificatRealisation.numeroInterneFacture = connue;
      return { payload };
    }
    return { payload: copie(valid), context: { ...context, facturesConnues: [...(context.facturesConnues ?? []), valid.numeroInterneFacture] } };
  },
});
