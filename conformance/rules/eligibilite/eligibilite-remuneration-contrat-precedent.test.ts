// Tests of eligibilite-remuneration-contrat-precedent (REM-12: same employer, at least the previous last year's rate).
import { describe, it, expect } from 'vitest';
import rule from './eligibilite-remuneration-contrat-precedent.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';
import type { Cerfa } from '../../model/payloads.js';
import type { DossierLu } from '../../model/dossier.js';
import { decalerContrat, dossierPrecedent } from './contrat-precedent.js';

/** A succession with the same employer (type 21) and the previous contract, paid `taux` % in its last year. */
function succession(taux: number): { cerfa: Cerfa; dossier: DossierLu } {
  const cerfa = cerfaCoherent();
  cerfa.contrat.typeContratApp = 21;
  const ancien = structuredClone(cerfa);
  ancien.contrat.typeContratApp = 11;
  decalerContrat(ancien, -2);
  for (const ligne of ancien.contrat.remunerationsAnnuelles) ligne.taux = 30;
  ancien.contrat.remunerationsAnnuelles[ancien.contrat.remunerationsAnnuelles.length - 1]!.taux = taux;
  const dossier = dossierPrecedent(ancien);
  cerfa.contrat.numeroContratPrecedent = dossier.cerfa.numeroDeca!;
  return { cerfa, dossier };
}

describe('eligibilite-remuneration-contrat-precedent', () => {
  it('passes at or above the last year rate and fails below it, line by line', () => {
    const lignes = cerfaCoherent().contrat.remunerationsAnnuelles;
    const plusBas = Math.min(...lignes.map((l) => l.taux));
    const egal = succession(plusBas);
    expect(run(rule, egal.cerfa, { dossiers: [egal.dossier] }).outcome).toBe('pass');
    const haut = succession(100);
    const result = run(rule, haut.cerfa, { dossiers: [haut.dossier] });
    const attendus = lignes.map((l, i) => (l.taux < 100 ? `contrat.remunerationsAnnuelles[${i}].taux` : undefined)).filter(Boolean);
    expect(paths(result)).toEqual(attendus);
    expect(result.outcome === 'fail' && result.violations[0]!.message).toBe(
      'La rémunération est inférieure à celle de la dernière année du contrat précédent chez le même employeur',
    );
  });

  it('only compares with the same employer (SIREN) and a known previous contract', () => {
    const { cerfa, dossier } = succession(100);
    const autre = { ...dossier, cerfa: { ...dossier.cerfa, employeur: { ...dossier.cerfa.employeur, siret: '51234567900017' } } };
    expect(run(rule, cerfa, { dossiers: [autre] }).outcome).toBe('not-applicable');
    expect(run(rule, cerfa, {}).outcome).toBe('skip');
    expect(run(rule, cerfa, { dossiers: [] }).outcome).toBe('skip');
    expect(run(rule, cerfaCoherent(), { dossiers: [dossier] }).outcome).toBe('not-applicable');
  });

  it('takes the last year executed before a rupture', () => {
    const { cerfa, dossier } = succession(100);
    const premiere = dossier.cerfa.contrat.remunerationsAnnuelles[0]!;
    (dossier.cerfa.contrat as { dateRupture?: string }).dateRupture = premiere.dateFin;
    expect(run(rule, cerfa, { dossiers: [dossier] }).outcome).toBe('pass');
  });

  it('fails on its plant, alone in its areas: with a synthetic previous contract, and with one the OPCO holds', () => {
    const seul = plantReport(rule, cerfaCoherent(), { dossiers: [] });
    expect(seul.planted.outcome).toBe('fail');
    expect(seul.autresEchecs).toEqual([]);
    const tenu = succession(100).dossier;
    const report = plantReport(rule, cerfaCoherent(), { dossiers: [tenu] });
    expect(report.planted.outcome).toBe('fail');
    expect(report.autresEchecs).toEqual([]);
    expect(report.plantedPayload.contrat.numeroContratPrecedent).toBe(tenu.cerfa.numeroDeca);
    expect(report.plantedContext.dossiers).toEqual([tenu]);
  });
});
