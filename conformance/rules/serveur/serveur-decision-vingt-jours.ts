// CDV-15/16: twenty days after receipt the OPCO has decided; its silence then reads as a refusal, with its reason.
import { defineRule, type Violation } from '../rule.js';
import { judgeListed, show, valueAt, withResponse } from './support.js';

/** States that are no decision yet. */
const EN_ATTENTE: readonly unknown[] = ['TRANSMIS', 'EN_COURS_INSTRUCTION'];

export default defineRule({
  id: 'serveur-decision-vingt-jours',
  title: "Vingt jours après la réception, le dossier est décidé : le silence de l'OPCO se lit comme un refus (REFUSE) motivé",
  requirements: ['CDV-15', 'CDV-16'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) =>
    judgeListed(echange, 'serveur-decision-vingt-jours', (e) => {
      const etat = valueAt(e.response.body, 'cerfa.etat');
      const violations: Violation[] = [];
      if (etat === undefined || EN_ATTENTE.includes(etat)) {
        violations.push({ path: 'cerfa.etat', expected: 'une décision (ENGAGE, REFUSE, ANNULE…) : le silence au-delà de vingt jours vaut refus', received: show(etat) });
      } else if (etat === 'REFUSE') {
        const commentaire = valueAt(e.response.body, 'cerfa.commentaireEtat');
        if (typeof commentaire !== 'string' || commentaire.trim() === '') violations.push({ path: 'cerfa.commentaireEtat', expected: 'le motif du refus (explicite ou implicite)', received: show(commentaire) });
      }
      return violations;
    }),
  plant: (valid) => ({ payload: withResponse(valid, 'serveur-decision-vingt-jours', { body: { cerfa: { etat: 'EN_COURS_INSTRUCTION', commentaireEtat: null } } }) }),
});
