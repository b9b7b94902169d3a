// Tests of eligibilite-maitre-nombre-apprentis (R6223-6), a context rule over the OPCO's dossiers.
import { describe, it, expect } from 'vitest';
import rule from './eligibilite-maitre-nombre-apprentis.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';
import type { DossierLu } from '../../model/dossier.js';

describe('eligibilite-maitre-nombre-apprentis', () => {
  it('skips without the dossiers and passes when the maître has no other apprentice', () => {
    expect(run(rule, cerfaCoherent(), {}).outcome).toBe('skip');
    expect(run(rule, cerfaCoherent(), { dossiers: [] }).outcome).toBe('pass');
  });

  it('fails on its plant (two other apprentices with the same maître) at maitre1, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent(), { dossiers: [] });
    expect(paths(report.planted)).toEqual(['maitre1']);
    expect(report.autresEchecs).toEqual([]);
    expect(rule.severity).toBe('avertissement');
  });

  it('counts only active dossiers overlapping the contract, matching the maître case-insensitively', () => {
    const { context } = rule.plant(cerfaCoherent(), { dossiers: [] });
    const [a, b] = context!.dossiers as [DossierLu, DossierLu];
    b.cerfa.etat = 'RUPTURE';
    expect(run(rule, cerfaCoherent(), { dossiers: [a, b] }).outcome).toBe('pass');
    b.cerfa.etat = 'ENGAGE';
    b.cerfa.contrat.dateDebutContrat = '2027-09-01';
    b.cerfa.contrat.dateFinContrat = '2028-08-31';
    expect(run(rule, cerfaCoherent(), { dossiers: [a, b] }).outcome).toBe('pass');
    b.cerfa.contrat.dateDebutContrat = '2027-08-31';
    b.cerfa.maitre1.nom = 'martin ';
    expect(run(rule, cerfaCoherent(), { dossiers: [a, b] }).outcome).toBe('fail');
  });

  it('does not count the dossier itself', () => {
    const self = rule.plant(cerfaCoherent(), { dossiers: [] }).context!.dossiers!.map((d) => ({
      ...d,
      cerfa: { ...d.cerfa, numeroInterne: cerfaCoherent().numeroInterne },
    }));
    expect(run(rule, cerfaCoherent(), { dossiers: self }).outcome).toBe('pass');
  });
});
