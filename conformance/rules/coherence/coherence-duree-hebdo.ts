// W1: the weekly working time is positive and at most 40 hours (the CERFA form's bound).
import { defineRule, fail, pass, skip } from '../rule.js';
import { eligibiliteParams } from '../support/params.js';
import { garderPartFormation } from '../support/part-formation.js';
import { copie } from '../support/plant.js';

const params = eligibiliteParams();

export default defineRule<'cerfa'>({
  id: 'coherence-duree-hebdo',
  title: 'La durée hebdomadaire de travail doit être positive et ne peut excéder 40 heures',
  requirements: ['COH-19'],
  severity: 'bloquant',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const heures = cerfa.contrat?.dureeTravailHebdoHeures;
    const minutes = cerfa.contrat?.dureeTravailHebdoMinutes ?? 0;
    if (typeof heures !== 'number' || typeof minutes !== 'number') return skip('durée hebdomadaire non numérique');
    const max = params.dureeHebdoMaximumHeures;
    const received = (): string => `${heures} h ${minutes} min`;
    if (minutes < 0 || minutes >= 60) {
      return fail({ path: 'contrat.dureeTravailHebdoMinutes', expected: 'entre 0 et 59 minutes', received: received() });
    }
    if (heures * 60 + minutes <= 0) {
      return fail({ path: 'contrat.dureeTravailHebdoHeures', expected: 'une durée strictement positive', received: received() });
    }
    if (heures > max || (heures >= max && minutes > 0)) {
      return fail({ path: 'contrat.dureeTravailHebdoHeures', expected: `au plus ${max} h par semaine`, received: received() });
    }
    return pass();
  },
  plant(valid) {
    const cerfa = copie(valid);
    cerfa.contrat.dureeTravailHebdoHeures = params.dureeHebdoMaximumHeures;
    cerfa.contrat.dureeTravailHebdoMinutes = 30;
    garderPartFormation(cerfa, params);
    return { payload: cerfa };
  },
});
