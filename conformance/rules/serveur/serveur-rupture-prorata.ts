// After a rupture the dossier is in rupture with its date, and nothing is scheduled after that date unless already paid.
import { defineRule, type Violation } from '../rule.js';
import { judgeListed, show, valueAt, withResponse } from './support.js';

export default defineRule({
  id: 'serveur-rupture-prorata',
  title: "Après une rupture, le dossier est à l'état rupture avec sa date, et l'échéancier s'arrête au prorata de la date de rupture",
  requirements: ['CDV-06', 'CDV-19'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) =>
    judgeListed(echange, 'serveur-rupture-prorata', (e) => {
      const body = e.response.body;
      const violations: Violation[] = [];
      const etat = valueAt(body, 'cerfa.etat');
      if (etat !== 'RUPTURE' && etat !== 'RUPTU') violations.push({ path: 'cerfa.etat', expected: 'RUPTURE (ou RUPTU selon le profil)', received: show(etat) });
      const date = valueAt(body, 'cerfa.contrat.dateRupture');
      if (typeof date !== 'string') return [...violations, { path: 'cerfa.contrat.dateRupture', expected: 'la date de rupture', received: show(date) }];
      const rupture = date.slice(0, 10);
      const echeances = valueAt(body, 'echeances');
      if (!Array.isArray(echeances)) return [...violations, { path: 'echeances', expected: 'un échéancier', received: show(echeances) }];
      echeances.forEach((x: Record<string, unknown>, i) => {
        const debut = typeof x.dateDebut === 'string' ? x.dateDebut.slice(0, 10) : undefined;
        const paye = Number(x.montantRegle ?? 0) + Number(x.montantEnCoursInstruction ?? 0);
        if (debut !== undefined && debut > rupture && Number(x.montantTotal) > 0 && paye === 0) {
          violations.push({ path: `echeances[${i}].montantTotal`, expected: `0 (période après la rupture du ${rupture})`, received: show(x.montantTotal) });
        }
      });
      const engagement = valueAt(body, 'engagement');
      const total = echeances.reduce((s: number, x: Record<string, unknown>) => s + Math.round(Number(x.montantTotal) * 100), 0);
      if (typeof engagement === 'number' && Math.round(engagement * 100) !== total) violations.push({ path: 'engagement', expected: (total / 100).toFixed(2), received: show(engagement) });
      return violations;
    }),
  plant: (valid) => ({ payload: withResponse(valid, 'serveur-rupture-prorata', { body: { cerfa: { etat: 'ENGAGE', contrat: {} }, echeances: [] } }) }),
});
