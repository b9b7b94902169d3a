// A dossier moves through the norm's states on the OPCO's schedule: the state read back is the one the step expects.
import { defineRule } from '../rule.js';
import { judgeListed, show, valueAt, withResponse } from './support.js';
import { ETATS_DOSSIER } from '../../model/dossier.js';

export default defineRule({
  id: 'serveur-cycle-de-vie',
  title: "Le dossier passe par les états de la norme (TRANSMIS, EN_COURS_INSTRUCTION, ENGAGE…) dans les délais de l'OPCO",
  requirements: ['CDV-01', 'CDV-02', 'CDV-03', 'CDV-08'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) =>
    judgeListed(echange, 'serveur-cycle-de-vie', (e) => {
      const etat = valueAt(e.response.body, 'cerfa.etat');
      const connus: readonly unknown[] = [...ETATS_DOSSIER, 'RUPTU'];
      return connus.includes(etat) ? [] : [{ path: 'cerfa.etat', expected: 'un état de la norme', received: show(etat) }];
    }),
  plant: (valid) => ({ payload: withResponse(valid, 'serveur-cycle-de-vie', { body: { cerfa: { etat: 'EN_ATTENTE' } } }) }),
});
