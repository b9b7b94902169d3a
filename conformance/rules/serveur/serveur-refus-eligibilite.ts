// An ineligible contract (age, inactive RNCP…) is refused at instruction, with the reason in commentaireEtat.
import { defineRule } from '../rule.js';
import { judgeListed, show, valueAt, withResponse } from './support.js';

export default defineRule({
  id: 'serveur-refus-eligibilite',
  title: "Un contrat inéligible (âge, certification inactive au RNCP…) est refusé (REFUSE) avec son motif dans commentaireEtat",
  requirements: ['CDV-05', 'CDV-08'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) =>
    judgeListed(echange, 'serveur-refus-eligibilite', (e) => {
      const etat = valueAt(e.response.body, 'cerfa.etat');
      const commentaire = valueAt(e.response.body, 'cerfa.commentaireEtat');
      if (etat !== 'REFUSE') return [{ path: 'cerfa.etat', expected: 'REFUSE', received: show(etat) }];
      return typeof commentaire === 'string' && commentaire !== '' ? [] : [{ path: 'cerfa.commentaireEtat', expected: 'le motif du refus', received: show(commentaire) }];
    }),
  plant: (valid) => ({ payload: withResponse(valid, 'serveur-refus-eligibilite', { body: { cerfa: { etat: 'ENGAGE' } } }) }),
});
