// Registry checks of the facturation, convention and certificat areas: files, ids, codes, requirement coverage, valid fixtures.
import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogue } from '../index.js';
import { ruleCode } from '../rule.js';
import { loadRequirements } from '../../requirements/index.js';
import { reglesDeMesDomaines } from '../testing/regle-test.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { conventionValide } from '../fixtures/convention-valide.js';
import { certificatValide } from '../fixtures/certificat-valide.js';
import { contexteFacturation, dossierEngage } from '../fixtures/dossier-engage.js';
import { isValidIban, isValidNumeroDeca, isValidSiret } from '../../identifiers/index.js';

const rulesDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const MES_FICHIERS = ['facturation', 'financement', 'convention-certificat'];

describe('facturation, convention and certificat rules', () => {
  it('are one file per rule, named after its id in its area folder, each with its test file', () => {
    for (const rule of reglesDeMesDomaines) {
      expect(existsSync(join(rulesDir, rule.area, `${rule.id}.ts`)), rule.id).toBe(true);
      expect(existsSync(join(rulesDir, rule.area, `${rule.id}.test.ts`)), `${rule.id}.test.ts`).toBe(true);
    }
  });

  it('are all in the catalogue, with unique ids and error codes', () => {
    const ids = catalogue.map((r) => r.id);
    for (const rule of reglesDeMesDomaines) expect(ids.filter((id) => id === rule.id)).toHaveLength(1);
    const codes = catalogue.map((r) => ruleCode(r));
    // One FAQ motive checked by two rules keeps its one published code (FAQ rejet n° 3: plafond or montant engagé).
    const partages: Record<string, number> = { FRAIS_ANNEXES_DEPASSEMENT: 2 };
    for (const rule of reglesDeMesDomaines) expect(codes.filter((c) => c === ruleCode(rule)), rule.id).toHaveLength(partages[ruleCode(rule)] ?? 1);
  });

  it('cite existing requirements, and every clause of their files is cited or says why not', () => {
    const requirements = loadRequirements();
    const byId = new Map(requirements.map((r) => [r.id, r]));
    const cited = new Set(catalogue.flatMap((r) => r.requirements));
    for (const rule of reglesDeMesDomaines) {
      expect(rule.requirements.length, rule.id).toBeGreaterThan(0);
      for (const id of rule.requirements) expect(byId.has(id), `${rule.id} cites ${id}`).toBe(true);
    }
    const mine = requirements.filter((r) => MES_FICHIERS.includes(r.file));
    expect(mine.length).toBeGreaterThanOrEqual(45);
    for (const clause of mine) {
      // A clause is either verified by a rule or explains why not, never both.
      expect(cited.has(clause.id) !== (clause.nonTeste !== undefined), clause.id).toBe(true);
    }
  });

  it('give each of the twelve FAQ rejections its own blocking rule', () => {
    for (let n = 1; n <= 12; n++) {
      const id = `FACT-${String(n).padStart(2, '0')}`;
      const rules = reglesDeMesDomaines.filter((r) => r.requirements.includes(id));
      expect(rules.length, id).toBeGreaterThan(0);
      expect(rules.every((r) => r.severity === 'bloquant'), id).toBe(true);
    }
  });
});

describe('valid fixtures', () => {
  it('use well-formed identifiers, and the dossier is engaged with E1 open and E2 not yet', () => {
    const dossier = dossierEngage();
    expect(dossier.cerfa.etat).toBe('ENGAGE');
    expect(isValidNumeroDeca(dossier.cerfa.numeroDeca ?? '')).toBe(true);
    expect(isValidIban(factureValide().organismeFormation.IBAN ?? '')).toBe(true);
    expect(contexteFacturation().siretsConnus?.every(isValidSiret)).toBe(true);
    const today = contexteFacturation().today ?? '';
    expect(dossier.echeances[0]?.dateOuverture.localeCompare(today)).toBeLessThanOrEqual(0);
    expect(dossier.echeances[1]?.dateOuverture.localeCompare(today)).toBeGreaterThan(0);
    expect(dossier.engagement).toBe(16000);
  });

  it('fail no rule of the whole catalogue in full context', () => {
    const context = contexteFacturation();
    const cas = [
      ['facture', factureValide()],
      ['convention', conventionValide()],
      ['certificat', certificatValide()],
    ] as const;
    for (const [kind, payload] of cas) {
      const failing = catalogue
        .filter((r) => r.appliesTo.includes(kind))
        .map((r) => ({ id: r.id, result: r.check(payload as never, context) }))
        .filter((x) => x.result.outcome === 'fail' || x.result.outcome === 'error');
      expect(failing, kind).toEqual([]);
    }
  });
});
