// Tests of coherence-siret-adresse-employeur (COH-31: the SIRET is the place of execution, at the postal address).
import { describe, it, expect } from 'vitest';
import rule from './coherence-siret-adresse-employeur.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';
import type { EtablissementSirene } from '../../model/sirene.js';

const siret = cerfaCoherent().employeur.siret;
const codePostal = cerfaCoherent().employeur.adresse.codePostal;
const avec = (e: EtablissementSirene) => ({ sirene: { exhaustif: false, etablissements: { [siret]: e } } });

describe('coherence-siret-adresse-employeur', () => {
  it('passes when SIRENE places the establishment at the declared postal code (spaces ignored)', () => {
    expect(run(rule, cerfaCoherent(), avec({ etat: 'A', codePostal })).outcome).toBe('pass');
    expect(run(rule, cerfaCoherent(), avec({ etat: 'A', codePostal: `${codePostal.slice(0, 2)} ${codePostal.slice(2)}` })).outcome).toBe('pass');
  });

  it('warns at employeur.adresse.codePostal when the establishment is elsewhere', () => {
    const result = run(rule, cerfaCoherent(), avec({ etat: 'A', codePostal: '13002', commune: 'MARSEILLE' }));
    expect(paths(result)).toEqual(['employeur.adresse.codePostal']);
    expect(result.outcome === 'fail' && result.violations[0]!.expected).toContain('13002 (MARSEILLE)');
    expect(rule.severity).toBe('avertissement');
  });

  it('skips without SIRENE or an unknown SIRET; leaves closed establishments to siret-etablissement-actif', () => {
    expect(run(rule, cerfaCoherent(), {}).outcome).toBe('skip');
    expect(run(rule, cerfaCoherent(), { sirene: { etablissements: {} } }).outcome).toBe('skip');
    expect(run(rule, cerfaCoherent(), avec({ etat: 'F', dateFermeture: '2001-01-01', codePostal: '13002' })).outcome).toBe('not-applicable');
    expect(run(rule, cerfaCoherent(), avec({ etat: 'A' })).outcome).toBe('not-applicable');
  });

  it('fails on its plant, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent(), {});
    expect(paths(report.planted)).toEqual(['employeur.adresse.codePostal']);
    expect(report.autresEchecs).toEqual([]);
  });
});
