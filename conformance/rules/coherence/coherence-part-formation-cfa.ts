// L6211-2: the CFA training is at least 25 % of the contract's working time (hours basis documented in COH-26).
import { defineRule, fail, pass, skip } from '../rule.js';
import { eligibiliteParams } from '../support/params.js';
import { factsOf } from '../support/facts.js';
import { fenetreContrat, SKIP_FENETRE } from '../support/window.js';
import { partFormation } from '../support/part-formation.js';
import { copie, date } from '../support/plant.js';

const params = eligibiliteParams();

function heuresHebdo(heures: unknown, minutes: unknown): number | undefined {
  if (typeof heures !== 'number') return undefined;
  const total = heures + (typeof minutes === 'number' ? minutes / 60 : 0);
  return total > 0 ? total : undefined;
}

export default defineRule<'cerfa'>({
  id: 'coherence-part-formation-cfa',
  title: 'La durée de formation en CFA doit représenter au moins 25 % de la durée du contrat',
  requirements: ['COH-23', 'COH-24'],
  severity: 'avertissement',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const fenetre = fenetreContrat(factsOf(cerfa));
    if (!fenetre) return skip(SKIP_FENETRE);
    const hebdo = heuresHebdo(cerfa.contrat.dureeTravailHebdoHeures, cerfa.contrat.dureeTravailHebdoMinutes);
    const duree = cerfa.formation?.dureeFormation;
    if (hebdo === undefined || typeof duree !== 'number') return skip('durée hebdomadaire ou durée de formation non renseignée');
    const { heuresContrat, heuresMinimum } = partFormation(fenetre.debut, fenetre.fin, hebdo, params);
    // Less than one hour short is rounding, not a breach.
    if (duree >= Math.floor(heuresMinimum)) return pass();
    return fail({
      path: 'formation.dureeFormation',
      expected: `au moins ${Math.ceil(heuresMinimum)} h (${params.partFormationMinimum * 100} % d'environ ${Math.round(heuresContrat)} h de travail sur la durée du contrat)`,
      received: `${duree} h`,
    });
  },
  plant(valid) {
    const cerfa = copie(valid);
    const debut = date(cerfa.contrat.dateDebutContrat, 'contrat.dateDebutContrat');
    const fin = date(cerfa.contrat.dateFinContrat, 'contrat.dateFinContrat');
    const hebdo = heuresHebdo(cerfa.contrat.dureeTravailHebdoHeures, cerfa.contrat.dureeTravailHebdoMinutes) ?? 35;
    const { heuresMinimum } = partFormation(debut, fin, hebdo, params);
    cerfa.formation.dureeFormation = Math.max(1, Math.floor(heuresMinimum) - 1);
    return { payload: cerfa };
  },
});
