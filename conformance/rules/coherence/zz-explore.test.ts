import { it } from 'vitest';
import { rulesOfMyAreas, plantReport, failing } from './support/harness.js';
import { variantesValides } from './support/variants.js';
it('explore', () => {
  const ctx = { today: '2025-08-25', rncpInactifs: [], dossiers: [] };
  const blocking = new Set(rulesOfMyAreas.filter(r => r.severity === 'bloquant').map(r => r.id));
  for (const [name, v] of Object.entries(variantesValides())) {
    const f = failing(rulesOfMyAreas, v, ctx);
    if (f.length) console.log('VALID FAIL', name, f.join(','));
    for (const rule of rulesOfMyAreas) {
      let r;
      try { r = plantReport(rule, v, ctx); } catch (e) { console.log('THROW', name, rule.id, String(e)); continue; }
      const others = r.autresEchecs;
      if (r.planted.outcome !== 'fail' || others.length) console.log(name.padEnd(28), rule.id.padEnd(50), r.planted.outcome, others.map(o => blocking.has(o) ? o + '(B)' : o).join(','));
    }
  }
});
