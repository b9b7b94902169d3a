// Loading the dated financing parameters: the bundled file, partial overrides and malformed files.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeEcheancier, FinancementParamsError, loadFinancementParams, parseFinancementParams, regimeEcheancier } from './index.js';

describe('loadFinancementParams', () => {
  it('reads the bundled file, regimes in date order, every entry with a source', () => {
    const p = loadFinancementParams();
    expect(p.regimes.map((r) => r.dateDebut)).toEqual(['2020-01-01', '2021-01-01', '2025-07-01']);
    expect(p.fraisAnnexes[0]).toMatchObject({ hebergementParNuit: 6, restaurationParRepas: 3, premierEquipement: 500 });
    expect(p.majorationRQTH[0]).toMatchObject({ dateDebut: '2021-01-01', plafondAnnuel: 4000 });
    expect(p.participationEmployeur[0]).toMatchObject({ forfait: 750, forfaitNouveauContratApresRupture: 200, periodeProbatoireJours: 45 });
    const sources = [...p.regimes, ...p.fraisAnnexes, ...p.majorationRQTH, ...p.participationEmployeur].map((e) => e.source);
    expect(sources.every((s) => s.length > 10)).toBe(true);
    expect(loadFinancementParams()).toBe(p);
  });

  it('merges a partial override file: moving the start of the 40/30/30 regime', () => {
    const dir = mkdtempSync(join(tmpdir(), 'financement-'));
    const file = join(dir, 'override.yaml');
    writeFileSync(file, "regimes:\n  R2021-40-30-30: { dateDebut: '2022-01-01' }\n");
    const p = loadFinancementParams(file);
    expect(regimeEcheancier('2021-06-01', p)?.repartition).toEqual([50, 25, 25]);
    expect(regimeEcheancier('2022-01-01', p)?.repartition).toEqual([40, 30, 30]);
    expect(p.fraisAnnexes).toEqual(loadFinancementParams().fraisAnnexes);
    const e = computeEcheancier(
      { dateConclusion: '2021-06-01', dateDebutContrat: '2021-09-01', dateFinContrat: '2022-08-31', npecAnnuel: 7000, iban: 'x', siret: 'y' },
      p,
    );
    expect(e.map((x) => x.montantTotal)).toEqual([3500, 1750, 1750]);
  });

  it('names the file and the field of a malformed parameter', () => {
    expect(() => parseFinancementParams('regimes: { R2025-40-30-20-10: { repartition: [40, 30, 20] } }', 'bad.yaml')).toThrow(
      /bad\.yaml: regimes\.R2025-40-30-20-10\.repartition: the shares must sum to 100/,
    );
    expect(() => parseFinancementParams('fraisAnnexes: [{ dateDebut: 2020-01-01, hebergementParNuit: -6 }]', 'bad.yaml')).toThrow(FinancementParamsError);
    expect(() => parseFinancementParams('regimes: [', 'bad.yaml')).toThrow(/invalid YAML/);
    expect(() => loadFinancementParams('/nonexistent/financement.yaml')).toThrow(/cannot read/);
  });
});
