import { it } from 'vitest';
import { rulesOfMyAreas } from './support/harness.js';
import { variantesValides } from './support/variants.js';
import { factsOf } from './support/facts.js';
it('bench2', () => {
  const vs = Object.values(variantesValides());
  const payloads = Array.from({ length: 20000 }, (_, i) => structuredClone(vs[i % vs.length]!));
  const ctx = { today: '2025-08-25', rncpInactifs: ['RNCP1'], dossiers: [] };
  for (let round = 0; round < 3; round++) {
    let t = performance.now();
    for (const p of payloads) factsOf(p);
    console.log('facts', ((performance.now() - t) * 1000 / payloads.length).toFixed(3), 'µs');
    t = performance.now();
    let x = 0;
    for (const p of payloads) x += p.contrat.dureeTravailHebdoHeures + (p.apprenti.handicap ? 1 : 0);
    console.log('touch', ((performance.now() - t) * 1000 / payloads.length).toFixed(3), 'µs');
    const cheap = rulesOfMyAreas.filter(r => r.id !== 'eligibilite-remuneration-minimale');
    t = performance.now();
    for (const p of payloads) for (const r of cheap) r.check(p, ctx);
    console.log('all but rem', ((performance.now() - t) * 1000 / payloads.length).toFixed(3), 'µs');
  }
});
