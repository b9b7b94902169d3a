import { it } from 'vitest';
import { rulesOfMyAreas } from './support/harness.js';
import { variantesValides } from './support/variants.js';
it('bench', () => {
  const vs = Object.values(variantesValides());
  // fresh copies to defeat the cache, like real traffic
  const payloads = Array.from({ length: 20000 }, (_, i) => structuredClone(vs[i % vs.length]!));
  const ctx = { today: '2025-08-25', rncpInactifs: ['RNCP1'], dossiers: [] };
  for (let round = 0; round < 3; round++) {
    const t = performance.now();
    let n = 0;
    for (const p of payloads) for (const r of rulesOfMyAreas) { r.check(p, ctx); n++; }
    const ms = performance.now() - t;
    console.log(`payloads/s ${(payloads.length / ms * 1000).toFixed(0)}  µs/payload ${(ms * 1000 / payloads.length).toFixed(2)}`);
  }
  for (const r of rulesOfMyAreas) {
    const t = performance.now();
    for (const p of payloads) r.check(p, ctx);
    const ms = performance.now() - t;
    console.log(r.id.padEnd(50), (ms * 1e6 / payloads.length).toFixed(0), 'ns');
  }
});
