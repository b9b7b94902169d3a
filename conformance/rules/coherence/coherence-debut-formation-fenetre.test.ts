// Tests of coherence-debut-formation-fenetre (F1).
import { describe, it, expect } from 'vitest';
import rule from './coherence-debut-formation-fenetre.js';
import { cerfaCoherent } from '../fixtures/cerfa-coherent.js';
import { paths, plantReport, run } from '../testing/harness.js';

describe('coherence-debut-formation-fenetre', () => {
  it('passes within 3 months around the start, bounds included', () => {
    const cerfa = cerfaCoherent();
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.formation.dateDebutFormation = '2025-12-01';
    expect(run(rule, cerfa).outcome).toBe('pass');
    cerfa.formation.dateDebutFormation = '2025-12-02';
    expect(run(rule, cerfa).outcome).toBe('fail');
  });

  it('fails on its plant at formation.dateDebutFormation, alone in its areas', () => {
    const report = plantReport(rule, cerfaCoherent());
    expect(paths(report.planted)).toContain('formation.dateDebutFormation');
    expect(report.autresEchecs).toEqual([]);
  });

  it('also bounds the training by the practical training start − 3 months', () => {
    const cerfa = cerfaCoherent();
    cerfa.contrat.dateFormationPratiqueEmployeur = '2025-11-30';
    cerfa.formation.dateDebutFormation = '2025-08-20';
    const result = run(rule, cerfa);
    expect(result.outcome).toBe('fail');
    expect(result.outcome === 'fail' && result.violations.map((v) => v.message)).toEqual([
      'La date de début de formation théorique ne peut être antérieure à 3 mois avant la date de début de formation pratique',
    ]);
  });
});
