// FIN-22: the balance of a contract year (10 %, contracts from 2025-07-01) is invoiceable after service fait: a certificat de réalisation for its period.
import { addDays, parseIsoDate } from '../../remuneration/calendar.js';
import { defineRule, skip, verdict, type Violation } from '../rule.js';
import { estEngage, lignesConnues, SANS_DOSSIERS } from '../support/facturation.js';
import { certificatAtteste, factureDeSolde, soldeServiceFait } from '../support/service-fait.js';

export const SANS_CERTIFICATS = 'contexte requis : les certificats de réalisation reçus par l’OPCO (context.certificatsRecus)';

export default defineRule<'facture'>({
  id: 'facture-solde-service-fait',
  title: 'Le solde de l’année n’est facturable qu’après le service fait : certificat de réalisation de sa période requis',
  requirements: ['FIN-22'],
  severity: 'bloquant',
  area: 'facturation',
  appliesTo: ['facture'],
  code: 'SOLDE_SANS_SERVICE_FAIT',
  check(facture, context) {
    if (!context.dossiers) return skip(SANS_DOSSIERS);
    const violations: Violation[] = [];
    let inconnu = false;
    for (const { dossier, echeance, chemin } of lignesConnues(facture, context)) {
      if (!dossier || !echeance || !estEngage(dossier)) continue;
      const regle = soldeServiceFait(dossier, echeance);
      if (!regle?.certificatRequis) continue;
      const numero = dossier.cerfa.numeroInterne;
      if (certificatAtteste(facture.certificatRealisation, numero, echeance)) continue;
      if (!context.certificatsRecus) {
        inconnu = true;
        continue;
      }
      if (context.certificatsRecus.some((c) => certificatAtteste(c, numero, echeance))) continue;
      violations.push({
        path: `${chemin}.numeroEcheance`,
        expected: `un certificat de réalisation de la période de l’échéance ${echeance.numero} (joint à la facture ou déjà transmis)`,
        received: `solde ${echeance.codification} facturé sans certificat de réalisation`,
        message: `Le solde (échéance ${echeance.numero}) n’est facturable qu’après le service fait : le certificat de réalisation de sa période doit être joint ou déjà transmis`,
      });
    }
    if (violations.length === 0 && inconnu) return skip(SANS_CERTIFICATS);
    return verdict(violations);
  },
  plant(valid, context) {
    // The balance invoiced once open, within the deadline, with no certificat embedded and none received.
    return factureDeSolde(valid, context, 'facture-solde-service-fait', false, (solde) => {
      const ouverture = parseIsoDate(solde.dateOuverture);
      if (ouverture === undefined) throw new Error('facture-solde-service-fait: unreadable dateOuverture');
      return addDays(ouverture, 1);
    });
  },
});
