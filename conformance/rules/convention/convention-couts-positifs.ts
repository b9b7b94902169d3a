// The convention's costs and quantities are non-negative numbers (meals and nights whole numbers).
import { defineRule, verdict, type Violation } from '../rule.js';
import { copie, nombre } from '../support/facturation.js';

const MONTANTS = ['coutTotalPedagogieCFA', 'montantRQTHAnnee1', 'montantRQTHAnnee2', 'montantRQTHAnnee3', 'montantPremierEquipement'] as const;
const QUANTITES = ['nombreRepasTotaux', 'nombreHebergementTotaux'] as const;

export default defineRule<'convention'>({
  id: 'convention-couts-positifs',
  title: 'Les coûts de la convention doivent être des montants positifs ou nuls',
  requirements: ['CONV-06'],
  severity: 'bloquant',
  area: 'convention',
  appliesTo: ['convention'],
  check(convention) {
    const couts = (convention.couts ?? {}) as Record<string, unknown>;
    const violations: Violation[] = [];
    for (const champ of MONTANTS) {
      const v = couts[champ];
      // Absent or null: not given (a missing total is convention-champs-obligatoires' finding).
      if (v === undefined || v === null) continue;
      const n = nombre(v);
      if (n === undefined || n < 0) violations.push({ path: `couts.${champ}`, expected: 'un montant ≥ 0', received: String(v) });
    }
    for (const champ of QUANTITES) {
      const v = couts[champ];
      if (v === undefined || v === null) continue;
      if (!Number.isInteger(v) || (v as number) < 0) violations.push({ path: `couts.${champ}`, expected: 'un nombre entier ≥ 0', received: String(v) });
    }
    return verdict(violations);
  },
  plant(valid) {
    const payload = copie(valid);
    payload.couts.nombreRepasTotaux = -1;
    return { payload };
  },
});
