// docs/certification.md and the README section stay in step with the code: rules, checklist items, the bundled script, demo ids.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clientRules } from '../../conformance/rules/client/index.js';
import { CHECKLIST_IDS } from '../../conformance/certification/index.js';
import { findRule } from '../../conformance/rules/index.js';
import { checkCertificationScript, loadCertificationScript, sessionIdOf } from '../../mocks/certification/index.js';
import { DEMO } from '../../mocks/tenants.js';

const doc = readFileSync(fileURLToPath(new URL('../../docs/certification.md', import.meta.url)), 'utf8');
const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');

describe('docs/certification.md', () => {
  it('lists every protocol rule with its severity', () => {
    for (const rule of clientRules) expect(doc, rule.id).toMatch(new RegExp(`\\| \`${rule.id}\` \\| ${rule.severity} \\|`));
  });

  it('lists every checklist item', () => {
    for (const id of CHECKLIST_IDS) expect(doc, id).toContain(`\`${id}\``);
  });

  it('shows the bundled script as it is: same delays, thresholds and plays (ids, operations, occurrences, statuses)', () => {
    const block = /```yaml\n(delais:[\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    // The doc abbreviates the refusal's description with "…"; everything the mock acts on must match.
    const shown = checkCertificationScript(parse(block!), 'docs/certification.md');
    const bundled = loadCertificationScript();
    const essentials = (s: typeof bundled) => ({ delais: s.delais, parametres: s.parametres, plays: s.plays.map((p) => ({ ...p, answer: { status: p.answer.status, code: p.answer.code, retryAfter: p.answer.retryAfter, champs: p.answer.errors?.map((e) => [e.code, e.champ]) } })) });
    expect(essentials(shown)).toEqual(essentials(bundled));
  });

  it("prints the demo key's session id the docs give", () => {
    expect(doc).toContain(`\`${sessionIdOf('norme', DEMO.apiKey)}\` for the demo key`);
  });

  it('names no rule that is not in the catalogue', () => {
    const named = [...doc.matchAll(/`((?:client|facture|nir)-[a-z0-9-]+)`/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((id) => !findRule(id))).toEqual([]);
  });
});

describe('README, "Certify your CFA software"', () => {
  const section = readme.slice(readme.indexOf('## Certify your CFA software'), readme.indexOf('## Commands'));

  it('gives the demo key, SIRET, command and report folder the tool really uses', () => {
    expect(section).toContain(`\`${DEMO.apiKey}\``);
    expect(section).toContain(`SIRET \`${DEMO.siret}\``);
    expect(section).toContain('`npx convergence test cfa --reset`');
    expect(section).toContain('`convergence-reports/<session-id>/`');
  });
});
