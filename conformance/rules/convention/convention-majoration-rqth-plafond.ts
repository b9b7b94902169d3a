// The RQTH majoration of each year of the convention stays within the annual cap (4 000 € from 2021-01-01).
import { plafondMajorationRQTH } from '../../financing/index.js';
import { defineRule, notApplicable, verdict, type Violation } from '../rule.js';
import { cents, copie, dossierDe, euros, nombre } from '../support/facturation.js';

const ANNEES = ['montantRQTHAnnee1', 'montantRQTHAnnee2', 'montantRQTHAnnee3'] as const;

export default defineRule<'convention'>({
  id: 'convention-majoration-rqth-plafond',
  title: 'La majoration RQTH de chaque année ne peut excéder le plafond annuel',
  requirements: ['CONV-07', 'FIN-10'],
  severity: 'bloquant',
  area: 'convention',
  appliesTo: ['convention'],
  check(convention, context) {
    // The cap in force at the contract's conclusion (from the dossier when known; else its start, never earlier).
    const date = dossierDe(context, convention.numeroInterneDossier)?.cerfa.contrat.dateConclusion ?? convention.contrat?.dateDebutContrat;
    const plafond = typeof date === 'string' ? plafondMajorationRQTH(date) : undefined;
    if (plafond === undefined) return notApplicable('pas de plafond de majoration RQTH connu à cette date');
    const violations: Violation[] = [];
    for (const champ of ANNEES) {
      const montant = nombre(convention.couts?.[champ]);
      if (montant === undefined || cents(montant) <= cents(plafond)) continue;
      violations.push({ path: `couts.${champ}`, expected: `au plus ${euros(plafond)} par année d’exécution`, received: euros(montant) });
    }
    return verdict(violations);
  },
  plant(valid) {
    const payload = copie(valid);
    payload.couts.montantRQTHAnnee1 = (plafondMajorationRQTH(valid.contrat.dateDebutContrat) ?? 4000) + 0.01;
    return { payload };
  },
});
