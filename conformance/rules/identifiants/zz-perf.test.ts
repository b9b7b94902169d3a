import { it } from 'vitest';
import { cerfaValide } from '../fixtures/cerfa-valide.js';
import { identifiantsRules } from './index.js';
import { cerfaRules } from '../cerfa/index.js';
it('perf', () => {
  const rules = [...identifiantsRules, ...cerfaRules].filter((r) => r.appliesTo.includes('cerfa'));
  const payloads = Array.from({ length: 1000 }, () => cerfaValide());
  const rows: [string, number][] = [];
  for (const r of rules) {
    for (let w = 0; w < 20000; w++) r.check(payloads[w % 1000]!, {});
    const n = 200_000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) r.check(payloads[i % 1000]!, {});
    rows.push([r.id, (performance.now() - t0) * 1e6 / n]);
  }
  rows.sort((a, b) => b[1] - a[1]);
  console.log(rows.map(([id, ns]) => `${ns.toFixed(0).padStart(6)} ns  ${id}`).join('\n'));
  console.log('total', rows.reduce((s, r) => s + r[1], 0).toFixed(0), 'ns');
});
