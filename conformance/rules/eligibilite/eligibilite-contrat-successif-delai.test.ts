// Tests of eligibilite-contrat-successif-delai (ELIG-19: past 29, a successive contract within a year of the previous one).
import { describe, it, expect } from 'vitest';
import rule from './eligibilite-contrat-successif-delai.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';
import { fixerAgeApprenti } from '../support/plant.js';
import type { Cerfa } from '../../model/payloads.js';
import type { DossierLu } from '../../model/dossier.js';
import { decalerContrat, dossierPrecedent } from './contrat-precedent.js';

/** A 31-year-old's succession (type 22) after `precedent`, and the OPCO's dossier of that previous contract. */
function succession(moisApresFin: number, rupture?: string): { cerfa: Cerfa; dossier: DossierLu } {
  const cerfa = cerfaCoherent();
  cerfa.contrat.typeContratApp = 22;
  fixerAgeApprenti(cerfa, 31);
  const ancien = structuredClone(cerfa);
  ancien.contrat.typeContratApp = 11;
  decalerContrat(ancien, -3);
  const dossier = dossierPrecedent(ancien);
  // The previous contract ends `moisApresFin` months before the new conclusion.
  const conclusion = new Date(`${cerfa.contrat.dateConclusion}T00:00:00Z`);
  conclusion.setUTCMonth(conclusion.getUTCMonth() - moisApresFin);
  dossier.cerfa.contrat.dateFinContrat = conclusion.toISOString().slice(0, 10);
  if (rupture) (dossier.cerfa.contrat as { dateRupture?: string }).dateRupture = rupture;
  cerfa.contrat.numeroContratPrecedent = dossier.cerfa.numeroDeca!;
  return { cerfa, dossier };
}

describe('eligibilite-contrat-successif-delai', () => {
  it('passes within a year of the previous contract, fails past it, naming the previous DECA number', () => {
    const proche = succession(11);
    expect(run(rule, proche.cerfa, { dossiers: [proche.dossier] }).outcome).toBe('pass');
    const loin = succession(14);
    const result = run(rule, loin.cerfa, { dossiers: [loin.dossier] });
    expect(paths(result)).toEqual(['contrat.dateConclusion']);
    expect(result.outcome === 'fail' && result.violations[0]!.expected).toContain(loin.dossier.cerfa.numeroDeca!);
  });

  it('counts from the rupture when the previous contract was broken off', () => {
    const rompu = succession(6, '2020-01-31');
    expect(run(rule, rompu.cerfa, { dossiers: [rompu.dossier] }).outcome).toBe('fail');
  });

  it('finds the previous contract by NIR when the DECA number is absent or unknown', () => {
    const { cerfa, dossier } = succession(20);
    delete cerfa.contrat.numeroContratPrecedent;
    expect(run(rule, cerfa, { dossiers: [dossier] }).outcome).toBe('fail');
    cerfa.apprenti.nir = `${cerfa.apprenti.nir.slice(0, 10)}999${cerfa.apprenti.nir.slice(13)}`;
    expect(run(rule, cerfa, { dossiers: [dossier] }).outcome).toBe('skip');
  });

  it('skips without the OPCO dossiers, ignores refused ones, and does not apply below 30 or with RQTH', () => {
    const { cerfa, dossier } = succession(20);
    expect(run(rule, cerfa, {}).outcome).toBe('skip');
    expect(run(rule, cerfa, { dossiers: [{ ...dossier, cerfa: { ...dossier.cerfa, etat: 'REFUSE' } }] }).outcome).toBe('skip');
    expect(run(rule, { ...cerfa, apprenti: { ...cerfa.apprenti, handicap: true } }, { dossiers: [dossier] }).outcome).toBe('not-applicable');
    const jeune = structuredClone(cerfa);
    fixerAgeApprenti(jeune, 25);
    expect(run(rule, jeune, { dossiers: [dossier] }).outcome).toBe('not-applicable');
    expect(run(rule, cerfaCoherent(), { dossiers: [dossier] }).outcome).toBe('not-applicable');
  });

  it('fails on its plant, alone in its areas: with a synthetic previous contract, and with one the OPCO holds', () => {
    const seul = plantReport(rule, cerfaCoherent(), { dossiers: [] });
    expect(paths(seul.planted)).toEqual(['contrat.dateConclusion']);
    expect(seul.autresEchecs).toEqual([]);
    const tenu = dossierPrecedent({ ...cerfaCoherent(), numeroInterne: 'PREMIER' });
    const report = plantReport(rule, cerfaCoherent(), { dossiers: [tenu] });
    expect(paths(report.planted)).toEqual(['contrat.dateConclusion']);
    expect(report.autresEchecs).toEqual([]);
    expect(report.plantedPayload.contrat.numeroContratPrecedent).toBe(tenu.cerfa.numeroDeca);
    expect(report.plantedContext.dossiers).toEqual([tenu]);
  });
});
