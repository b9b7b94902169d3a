// The same contract sent twice (same apprentice, employer and start) is detected: the twin is cancelled as a duplicate.
import { defineRule } from '../rule.js';
import { judgeListed, show, valueAt, withResponse } from './support.js';

export default defineRule({
  id: 'serveur-doublon-detecte',
  title: 'Un même contrat transmis deux fois est détecté comme doublon (ANNULE, motif doublon)',
  requirements: ['CDV-04', 'CDV-09', 'CDV-20'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) =>
    judgeListed(echange, 'serveur-doublon-detecte', (e) => {
      const etat = valueAt(e.response.body, 'cerfa.etat');
      const commentaire = valueAt(e.response.body, 'cerfa.commentaireEtat');
      if (etat !== 'ANNULE') return [{ path: 'cerfa.etat', expected: 'ANNULE', received: show(etat) }];
      return typeof commentaire === 'string' && /doublon/i.test(commentaire) ? [] : [{ path: 'cerfa.commentaireEtat', expected: 'un motif mentionnant le doublon', received: show(commentaire) }];
    }),
  plant: (valid) => ({ payload: withResponse(valid, 'serveur-doublon-detecte', { body: { cerfa: { etat: 'TRANSMIS' } } }) }),
});
