// Once an invoice is paid, the échéance's montantRegle rises by its amount; paid and pending never exceed the total.
import { defineRule, type Violation } from '../rule.js';
import { judgeListed, show, valueAt, withResponse } from './support.js';

export default defineRule({
  id: 'serveur-facture-reglement',
  title: "Le règlement d'une facture se lit dans l'échéance : montantRegle augmente, sans dépasser montantTotal",
  requirements: ['SRV-06', 'API-19'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) =>
    judgeListed(echange, 'serveur-facture-reglement', (e) => {
      const echeances = valueAt(e.response.body, 'echeances');
      if (!Array.isArray(echeances)) return [{ path: 'echeances', expected: 'un échéancier', received: show(echeances) }];
      const violations: Violation[] = [];
      echeances.forEach((x: Record<string, number>, i) => {
        const cents = (v: unknown) => Math.round(Number(v ?? 0) * 100);
        if (cents(x.montantRegle) + cents(x.montantEnCoursInstruction) > cents(x.montantTotal)) {
          violations.push({ path: `echeances[${i}]`, expected: 'montantRegle + montantEnCoursInstruction ≤ montantTotal', received: `${x.montantRegle} + ${x.montantEnCoursInstruction} > ${x.montantTotal}` });
        }
      });
      return violations;
    }),
  plant: (valid) => ({ payload: withResponse(valid, 'serveur-facture-reglement', { body: { echeances: [{ numero: 1, montantTotal: 100, montantRegle: 0, montantEnCoursInstruction: 0 }] } }) }),
});
