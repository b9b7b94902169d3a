// Scenario files (schema, ids, rules they name), waivers, templates and the curl of the evidence.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRule } from '../rules/index.js';
import { loadRequirements } from '../requirements/index.js';
import { loadScenarios, parseScenario, ScenarioError } from './scenario.js';
import { parseWaivers, WaiverError } from './waivers.js';
import { render, setAt } from './template.js';
import { curlFor, rulesOfStep } from './runner.js';

const GOOD = `
id: exemple
titre: Exemple
intention: Un exemple valide.
exigences: [API-10]
capacites: [v2, dossiers]
steps:
  - id: lecture
    request: { method: GET, path: "/v2/dossiers?numeroInterne=X" }
    expect: { regles: [serveur-dossier-inconnu-404], status: 404 }
`;

describe('scenario files', () => {
  it('accepts a well-formed scenario', () => {
    const s = parseScenario(GOOD, 'exemple.yaml');
    expect(s.steps[0]?.expect?.regles).toEqual(['serveur-dossier-inconnu-404']);
  });

  it('names the file and the JSON path of a malformed scenario', () => {
    expect(() => parseScenario(GOOD.replace('method: GET', 'method: FETCH'), 'a.yaml')).toThrow(/a\.yaml: \/steps\/0\/request\/method must be equal to one of the allowed values \(GET, POST, PUT, DELETE\)/);
    expect(() => parseScenario(GOOD.replace('    expect: { regles: [serveur-dossier-inconnu-404], status: 404 }', '    expect: { status: 404 }'), 'b.yaml')).toThrow(/b\.yaml: \/steps\/0\/expect must have required property 'regles'/);
    expect(() => parseScenario(GOOD.replace('capacites: [v2, dossiers]', 'capacites: [v3]'), 'c.yaml')).toThrow(ScenarioError);
    expect(() => parseScenario('id: [', 'd.yaml')).toThrow(/d\.yaml:1:\d+: invalid YAML/);
    expect(() => parseScenario(`${GOOD}  - id: lecture\n    wait: { advance: P1D, date: '2026-01-01' }\n`, 'e.yaml')).toThrow(/duplicate step id 'lecture'/);
    // A wait is a condition (issue 18 §2): a blind delay is refused.
    expect(() => parseScenario(`${GOOD}  - id: attente\n    wait: { advance: P1M }\n`, 'f.yaml')).toThrow(/f\.yaml: \/steps\/1\/wait must have required property 'until'/);
  });

  it('refuses two scenario files with the same id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scen-'));
    writeFileSync(join(dir, 'a.yaml'), GOOD);
    writeFileSync(join(dir, 'b.yaml'), GOOD);
    expect(() => loadScenarios(join(dir, '*.yaml'))).toThrow(/'exemple' is already the id of/);
  });

  it('loads several globs separated by commas, each file once', () => {
    const ids = loadScenarios('scenarios/facture-rejet-iban-*.yaml, scenarios/doublon.yaml,scenarios/doublon.yaml').map((s) => s.id);
    expect(ids).toEqual(['facture-rejet-iban-absent', 'facture-rejet-iban-different', 'doublon']);
  });

  const bundled = loadScenarios();
  const requirements = new Set(loadRequirements().map((r) => r.id));

  it('bundles at least 25 scenarios, one per FAQ invoice rejection', () => {
    expect(bundled.length).toBeGreaterThanOrEqual(25);
    const planted = new Set(bundled.flatMap((s) => s.steps.flatMap(rulesOfStep)));
    for (const id of ['facture-deja-connue', 'facture-iban-identique-echeance', 'facture-frais-annexes-plafond', 'facture-frais-annexes-montant-engage', 'facture-iban-emetteur-renseigne', 'facture-montant-echeance-attendu', 'facture-siret-emetteur-connu', 'facture-siret-identique-echeance', 'facture-numero-externe-renseigne', 'facture-echeance-ouverte', 'facture-montant-attendu', 'facture-total-egal-somme-lignes', 'facture-numero-echeance-connu']) {
      expect(planted.has(id), id).toBe(true);
    }
  });

  it('name only rules of the catalogue and requirements that exist', () => {
    const problems: string[] = [];
    for (const s of bundled) {
      for (const id of s.exigences) if (!requirements.has(id)) problems.push(`${s.file}: exigence ${id}`);
      for (const step of s.steps) for (const id of rulesOfStep(step)) if (!findRule(id)) problems.push(`${s.file}/${step.id}: rule ${id}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('waivers', () => {
  const known = (id: string) => findRule(id) !== undefined;
  it('reads {ruleId, reason} entries, as a list or under waivers:', () => {
    expect(parseWaivers('- ruleId: serveur-corps-trop-volumineux-413\n  reason: limite du proxy\n', 'w.yaml', known)).toEqual([{ ruleId: 'serveur-corps-trop-volumineux-413', reason: 'limite du proxy' }]);
    expect(parseWaivers('waivers:\n  - { ruleId: facture-deja-connue, reason: lot 2 }\n', 'w.yaml', known)).toHaveLength(1);
  });
  it('refuses a waiver naming no known rule, or without a reason', () => {
    expect(() => parseWaivers('- { ruleId: inconnue, reason: x }', 'w.yaml', known)).toThrow(/w\.yaml: \/0\/ruleId: 'inconnue' is not a rule/);
    expect(() => parseWaivers('- { ruleId: facture-deja-connue }', 'w.yaml', known)).toThrow(WaiverError);
  });
});

describe('templates', () => {
  const resolve = (e: string) => ({ 'capture.n': 'A 1', 'capture.o': { x: 1 } })[e as 'capture.n'];
  it('replaces whole-string expressions by values and interpolates the others', () => {
    expect(render({ a: '{{capture.o}}', b: 'n={{capture.n}}', c: ['{{ capture.n }}'] }, resolve)).toEqual({ a: { x: 1 }, b: 'n=A 1', c: ['A 1'] });
  });
  it('sets and deletes by JSON path without touching the input', () => {
    const input = { lignes: [{ montant: 1 }], b: 2 };
    expect(setAt(input, 'lignes[0].montant', 3)).toEqual({ lignes: [{ montant: 3 }], b: 2 });
    expect(setAt(input, 'b', null)).toEqual({ lignes: [{ montant: 1 }] });
    expect(input).toEqual({ lignes: [{ montant: 1 }], b: 2 });
  });
});

describe('curl', () => {
  it('replays the request with the key replaced by $API_KEY', () => {
    const curl = curlFor('POST', 'http://h/v2/factures', { 'x-api-key': 'secr••••', editeur: "L'éditeur" }, '{"a":1}');
    expect(curl).toContain('"x-api-key: $API_KEY"');
    expect(curl).toContain(`'editeur: L'\\''éditeur'`);
    expect(curl).toContain(`--data-binary '{"a":1}'`);
  });
});
