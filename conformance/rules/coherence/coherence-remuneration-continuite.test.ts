// Tests of coherence-remuneration-continuite.
import { describe, it, expect } from 'vitest';
import rule from './coherence-remuneration-continuite.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';

describe('coherence-remuneration-continuite', () => {
  it('passes on contiguous lines from the start, whatever their order in the payload', () => {
    const cerfa = cerfaCoherent();
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.contrat.remunerationsAnnuelles.reverse();
    expect(run(rule, cerfa).outcome).toBe('pass');
  });

  it('fails on its plant at the second line start, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toEqual(['contrat.remunerationsAnnuelles[1].dateDebut']);
    expect(report.autresEchecs).toEqual([]);
  });

  it('reports a late first line, an overlap and an unreadable date', () => {
    const late = cerfaCoherent();
    late.contrat.remunerationsAnnuelles[0]!.dateDebut = '2025-09-02';
    expect(paths(run(rule, late))).toEqual(['contrat.remunerationsAnnuelles[0].dateDebut']);
    const overlap = cerfaCoherent();
    overlap.contrat.remunerationsAnnuelles[2]!.dateDebut = '2026-08-31';
    const result = run(rule, overlap);
    expect(result.outcome === 'fail' && result.violations[0]?.message).toBe('Chevauchement de deux périodes de rémunération');
    const unreadable = cerfaCoherent();
    unreadable.contrat.remunerationsAnnuelles[1]!.dateFin = '31/08/2026';
    expect(paths(run(rule, unreadable))).toEqual(['contrat.remunerationsAnnuelles[1].dateFin']);
  });

  it('reports lines that stop before the contract ends, or run past it (COH-36)', () => {
    const courte = cerfaCoherent();
    courte.contrat.remunerationsAnnuelles[2]!.dateFin = '2027-06-30';
    const result = run(rule, courte);
    expect(paths(result)).toEqual(['contrat.remunerationsAnnuelles[2].dateFin']);
    expect(result.outcome === 'fail' && result.violations[0]).toMatchObject({
      expected: '2027-08-31 (fin du contrat)',
      received: '2027-06-30',
      message: "Les périodes de rémunération ne couvrent pas le contrat jusqu'à sa fin",
    });
    const sansDerniere = cerfaCoherent();
    sansDerniere.contrat.remunerationsAnnuelles.pop();
    expect(paths(run(rule, sansDerniere))).toEqual(['contrat.remunerationsAnnuelles[1].dateFin']);
    const longue = cerfaCoherent();
    longue.contrat.remunerationsAnnuelles[2]!.dateFin = '2027-09-30';
    const depasse = run(rule, longue);
    expect(depasse.outcome === 'fail' && depasse.violations[0]?.message).toBe('La dernière période de rémunération dépasse la fin du contrat');
  });

  it('judges the end on the last line by start date, whatever the payload order', () => {
    const cerfa = cerfaCoherent();
    cerfa.contrat.remunerationsAnnuelles.reverse();
    cerfa.contrat.remunerationsAnnuelles[0]!.dateFin = '2027-07-31';
    expect(paths(run(rule, cerfa))).toEqual(['contrat.remunerationsAnnuelles[0].dateFin']);
  });

  it('sees a date edited in place after a first check', () => {
    const cerfa = cerfaCoherent();
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.contrat.remunerationsAnnuelles[1]!.dateDebut = '2026-04-03';
    expect(run(rule, cerfa).outcome).toBe('fail');
  });
});
