// The example payloads the README and docs/mock.md deposit are clean: no rule of the catalogue fails on them, at any severity.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runRules } from './engine/rules.js';
import { mocksAsset } from './profiles.js';
import { DEMO } from './tenants.js';

const example = (name: string): unknown => JSON.parse(readFileSync(mocksAsset(`examples/${name}`), 'utf8'));
const notPassing = (findings: ReturnType<typeof runRules>): string[] =>
  findings.filter((f) => f.result.outcome === 'fail' || f.result.outcome === 'error').map((f) => f.rule.id);

describe('mocks/examples', () => {
  it('cerfa.json fails no rule, warnings included, on the walk-through’s date with the demo CFA’s key', () => {
    expect(notPassing(runRules(example('cerfa.json') as never, 'cerfa', { today: '2026-01-16', siretCfa: DEMO.siret, rncpInactifs: [] }))).toEqual([]);
  });

  it('facture.json fails no rule that can be judged without the dossier', () => {
    expect(notPassing(runRules(example('facture.json') as never, 'facture', { siretCfa: DEMO.siret, siretsConnus: [DEMO.siret] }))).toEqual([]);
  });
});
