// A dossier whose every échéance is paid is SOLDE.
import { defineRule, type Violation } from '../rule.js';
import { judgeListed, show, valueAt, withResponse } from './support.js';

export default defineRule({
  id: 'serveur-dossier-solde',
  title: 'Un dossier dont toutes les échéances sont réglées est soldé (SOLDE)',
  requirements: ['CDV-07'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) =>
    judgeListed(echange, 'serveur-dossier-solde', (e) => {
      const violations: Violation[] = [];
      const etat = valueAt(e.response.body, 'cerfa.etat');
      if (etat !== 'SOLDE') violations.push({ path: 'cerfa.etat', expected: 'SOLDE', received: show(etat) });
      const echeances = valueAt(e.response.body, 'echeances');
      if (Array.isArray(echeances)) {
        echeances.forEach((x: Record<string, number>, i) => {
          if (Math.round(Number(x.montantRegle) * 100) !== Math.round(Number(x.montantTotal) * 100)) {
            violations.push({ path: `echeances[${i}].montantRegle`, expected: String(x.montantTotal), received: show(x.montantRegle) });
          }
        });
      }
      return violations;
    }),
  plant: (valid) => ({ payload: withResponse(valid, 'serveur-dossier-solde', { body: { cerfa: { etat: 'ENGAGE' }, echeances: [] } }) }),
});
