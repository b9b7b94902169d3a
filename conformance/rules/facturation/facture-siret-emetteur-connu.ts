// FAQ rejection 6: the emitting CFA's SIRET is one the OPCO knows.
import { isValidSiret } from '../../identifiers/index.js';
import { defineRule, fail, notApplicable, pass, skip } from '../rule.js';
import { copie, normaliserSiret } from '../support/facturation.js';

export default defineRule<'facture'>({
  id: 'facture-siret-emetteur-connu',
  title: 'Le SIRET de l’émetteur est inconnu de l’OPCO',
  requirements: ['FACT-06'],
  severity: 'bloquant',
  area: 'facturation',
  appliesTo: ['facture'],
  code: 'SIRET_EMETTEUR_INCONNU',
  check(facture, context) {
    if (!context.siretsConnus) return skip('contexte requis : les SIRET des CFA connus de l’OPCO (context.siretsConnus)');
    const siret = typeof facture.organismeFormation?.siret === 'string' ? normaliserSiret(facture.organismeFormation.siret) : '';
    // A malformed SIRET is siret-format's or siret-luhn's finding: one defect, one rejection.
    if (!isValidSiret(siret)) return notApplicable('SIRET de l’émetteur absent ou mal formé (voir siret-format, siret-luhn)');
    if (context.siretsConnus.some((s) => normaliserSiret(s) === siret)) return pass();
    return fail({ path: 'organismeFormation.siret', expected: 'le SIRET d’un CFA connu de l’OPCO', received: siret });
  },
  plant(valid, context) {
    // The same invoice, judged by an OPCO that does not know this CFA: changing the SIRET would also break
    // facture-siret-identique-echeance.
    const siret = normaliserSiret(valid.organismeFormation.siret);
    return {
      payload: copie(valid),
      context: { ...context, siretsConnus: (context.siretsConnus ?? []).filter((s) => normaliserSiret(s) !== siret) },
    };
  },
});
