// An engaged dossier carries its DECA registration number and a commitment equal to its échéancier.
import { defineRule, type Violation } from '../rule.js';
import { judgeListed, show, valueAt, withResponse } from './support.js';

export default defineRule({
  id: 'serveur-engage-numero-deca',
  title: "Un dossier engagé porte son numéro DECA et un montant engagé égal au total de son échéancier",
  requirements: ['CDV-03', 'CDV-17', 'API-18'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) =>
    judgeListed(echange, 'serveur-engage-numero-deca', (e) => {
      const body = e.response.body;
      if (valueAt(body, 'cerfa.etat') !== 'ENGAGE') return [];
      const violations: Violation[] = [];
      const deca = valueAt(body, 'cerfa.numeroDeca');
      if (typeof deca !== 'string' || deca === '') violations.push({ path: 'cerfa.numeroDeca', expected: 'le numéro DECA du contrat', received: show(deca) });
      const echeances = valueAt(body, 'echeances');
      if (!Array.isArray(echeances) || echeances.length === 0) {
        violations.push({ path: 'echeances', expected: 'un échéancier non vide', received: show(echeances) });
        return violations;
      }
      const total = echeances.reduce((sum: number, x) => sum + Math.round(Number((x as { montantTotal?: unknown }).montantTotal) * 100), 0);
      const engagement = valueAt(body, 'engagement');
      if (typeof engagement !== 'number' || Math.round(engagement * 100) !== total) {
        violations.push({ path: 'engagement', expected: `${(total / 100).toFixed(2)} (total de l'échéancier)`, received: show(engagement) });
      }
      return violations;
    }),
  plant: (valid) => {
    const echange = withResponse(valid, 'serveur-engage-numero-deca', {});
    const body = structuredClone(echange.response.body) as { cerfa?: Record<string, unknown> } | undefined;
    echange.response.body = { ...(body ?? {}), cerfa: { ...(body?.cerfa ?? {}), etat: 'ENGAGE', numeroDeca: null } };
    return { payload: echange };
  },
});
