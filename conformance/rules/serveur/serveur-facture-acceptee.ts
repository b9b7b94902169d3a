// A conformant invoice on an open échéance is accepted at once and is being processed.
import { defineRule, type Violation } from '../rule.js';
import { judgeListed, show, valueAt, withResponse } from './support.js';

export default defineRule({
  id: 'serveur-facture-acceptee',
  title: "Une facture conforme sur une échéance ouverte est acceptée et mise en instruction",
  requirements: ['SRV-06', 'CDV-18'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) =>
    judgeListed(echange, 'serveur-facture-acceptee', (e) => {
      const violations: Violation[] = [];
      if (e.response.status !== 200 && e.response.status !== 201) violations.push({ path: '(statut HTTP)', expected: '201 (ou 200)', received: String(e.response.status) });
      const etat = valueAt(e.response.body, 'etatFacture');
      if (etat !== 'RECUE' && etat !== 'EN_COURS_INSTRUCTION') violations.push({ path: 'etatFacture', expected: 'RECUE ou EN_COURS_INSTRUCTION', received: show(etat) });
      return violations;
    }),
  plant: (valid) => ({ payload: withResponse(valid, 'serveur-facture-acceptee', { status: 400, body: { errors: [{ code: 'FACTURE_REJETEE', description: 'rejetée' }] } }) }),
});
