// Seed 003: a contract that never started is cancelled by the OPCO (ANNULE), the reason given in commentaireEtat.
import { defineRule, type Violation } from '../rule.js';
import { judgeListed, show, valueAt, withResponse } from './support.js';

export default defineRule({
  id: 'serveur-decision-annulation-non-commence',
  title: "Un contrat non commencé (aucun signe d'exécution après sa date de début) est annulé (ANNULE) avec son motif",
  requirements: ['CDV-04'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) =>
    judgeListed(echange, 'serveur-decision-annulation-non-commence', (e) => {
      const etat = valueAt(e.response.body, 'cerfa.etat');
      const commentaire = valueAt(e.response.body, 'cerfa.commentaireEtat');
      const violations: Violation[] = [];
      if (etat !== 'ANNULE') violations.push({ path: 'cerfa.etat', expected: 'ANNULE (contrat non commencé)', received: show(etat) });
      else if (typeof commentaire !== 'string' || commentaire.trim() === '') violations.push({ path: 'cerfa.commentaireEtat', expected: "le motif de l'annulation", received: show(commentaire) });
      return violations;
    }),
  plant: (valid) => ({ payload: withResponse(valid, 'serveur-decision-annulation-non-commence', { body: { cerfa: { etat: 'ENGAGE', commentaireEtat: null } } }) }),
});
