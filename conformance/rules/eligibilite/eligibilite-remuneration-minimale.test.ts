// Tests of eligibilite-remuneration-minimale (D6222-26): rates by period, birthday month, SMC, salary floor.
import { describe, it, expect } from 'vitest';
import rule from './eligibilite-remuneration-minimale.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';
import { variantesValides } from '../testing/variants.js';

describe('eligibilite-remuneration-minimale', () => {
  it('passes at the legal minimum and above it', () => {
    const cerfa = cerfaCoherent();
    expect(run(rule, cerfa).outcome).toBe('pass');
    for (const ligne of cerfa.contrat.remunerationsAnnuelles) {
      ligne.taux += 10;
      ligne.salaireBrut = (ligne.salaireBrut ?? 0) + 200;
    }
    expect(run(rule, cerfa).outcome).toBe('pass');
  });

  it('passes on every valid variant (minor, RQTH at 40, Mayotte, SMC…)', () => {
    for (const [name, cerfa] of Object.entries(variantesValides())) {
      expect(run(rule, cerfa).outcome, name).toBe('pass');
    }
  });

  it('fails on its plant at the first line rate, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['contrat.remunerationsAnnuelles[0].taux']);
    expect(report.autresEchecs).toEqual([]);
  });

  it('requires the higher rate for a line running past the month after the 21st birthday', () => {
    const cerfa = cerfaCoherent();
    const [l1, l2, l3] = cerfa.contrat.remunerationsAnnuelles;
    cerfa.contrat.remunerationsAnnuelles = [{ ...l1!, dateFin: '2026-04-01' }, { ...l2!, dateDebut: '2026-04-02' }, l3!];
    expect(paths(run(rule, cerfa))).toEqual(['contrat.remunerationsAnnuelles[0].taux']);
  });

  it('requires the SMC base from 21 when it is larger than the SMIC', () => {
    const cerfa = variantesValides()['smc-superieur'];
    expect(run(rule, cerfa).outcome).toBe('pass');
    const ligne = cerfa.contrat.remunerationsAnnuelles[1]!;
    ligne.typeSalaire = 'SMIC';
    ligne.salaireBrut = 954.96;
    expect(paths(run(rule, cerfa))).toEqual(['contrat.remunerationsAnnuelles[1].salaireBrut']);
  });

  it('fails without any remuneration line', () => {
    const cerfa = cerfaCoherent();
    cerfa.contrat.remunerationsAnnuelles = [];
    expect(paths(run(rule, cerfa))).toEqual(['contrat.remunerationsAnnuelles']);
  });
});
