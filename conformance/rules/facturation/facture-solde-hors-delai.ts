// FIN-22: a balance paid after service fait is not due when invoiced more than four months after the contract's end.
import { addDays, formatIsoDate } from '../../remuneration/calendar.js';
import { defineRule, skip, verdict, type Violation } from '../rule.js';
import { estEngage, jour, lignesConnues, SANS_DOSSIERS } from '../support/facturation.js';
import { dernierJourTransmission, factureDeSolde, finContrat, soldeServiceFait } from '../support/service-fait.js';

export default defineRule<'facture'>({
  id: 'facture-solde-hors-delai',
  title: 'Le solde facturé plus de quatre mois après la fin du contrat n’est pas dû',
  requirements: ['FIN-22'],
  severity: 'bloquant',
  area: 'facturation',
  appliesTo: ['facture'],
  code: 'SOLDE_HORS_DELAI',
  check(facture, context) {
    if (!context.dossiers) return skip(SANS_DOSSIERS);
    const today = jour(context.today);
    if (today === undefined) return skip('contexte requis : la date du jour (context.today)');
    const violations: Violation[] = [];
    for (const { dossier, echeance, chemin } of lignesConnues(facture, context)) {
      if (!dossier || !echeance || !estEngage(dossier)) continue;
      const regle = soldeServiceFait(dossier, echeance);
      const limite = regle && dernierJourTransmission(dossier, regle);
      if (!regle || limite === undefined || today <= limite) continue;
      const fin = formatIsoDate(finContrat(dossier)!);
      violations.push({
        path: `${chemin}.numeroEcheance`,
        expected: `une facture du solde transmise au plus tard le ${formatIsoDate(limite)} (${regle.delaiMoisApresFinContrat} mois après la fin du contrat, le ${fin})`,
        received: `solde ${echeance.codification} transmis le ${formatIsoDate(today)}`,
        message: `Le solde (échéance ${echeance.numero}) n’est plus dû : facture transmise plus de ${regle.delaiMoisApresFinContrat} mois après la fin du contrat (${fin})`,
      });
    }
    return verdict(violations);
  },
  plant(valid, context) {
    // The balance, with its certificat, sent the day after the deadline.
    return factureDeSolde(valid, context, 'facture-solde-hors-delai', true, (solde, dossier) => {
      const regle = soldeServiceFait(dossier, solde);
      const limite = regle && dernierJourTransmission(dossier, regle);
      if (limite === undefined) throw new Error('facture-solde-hors-delai: no deadline for this contract');
      return addDays(limite, 1);
    });
  },
});
