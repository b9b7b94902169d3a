// Tests of the engine's dossier: per-payload values shared while one payload is judged, never beyond it.
import { describe, expect, it } from 'vitest';
import { avecDossier, dossierDe } from './dossier.js';
import { factsOf, lignesLues } from './facts.js';
import type { Cerfa } from '../../model/payloads.js';

const cerfa = (): Cerfa =>
  ({
    apprenti: { dateNaissance: '2006-03-14' },
    contrat: {
      dateDebutContrat: '2026-09-01',
      remunerationsAnnuelles: [{ dateDebut: '2026-09-01', dateFin: '2027-08-31' }],
    },
  }) as unknown as Cerfa;

describe('avecDossier', () => {
  it('opens a dossier for one payload only, and restores the one open before', () => {
    const a = cerfa();
    const b = cerfa();
    avecDossier(a, ['x'], () => {
      expect(dossierDe(a)?.membresNonPrevus).toEqual(['x']);
      expect(dossierDe(b)).toBeUndefined();
      avecDossier(b, undefined, () => expect(dossierDe(a)).toBeUndefined());
      expect(dossierDe(a)).toBeDefined();
    });
    expect(dossierDe(a)).toBeUndefined();
  });

  it('computes facts and lines once per dossier, and afresh for the next one after an edit in place', () => {
    const c = cerfa();
    const lignes = c.contrat.remunerationsAnnuelles;
    avecDossier(c, undefined, () => {
      expect(factsOf(c)).toBe(factsOf(c));
      expect(lignesLues(lignes, c)).toBe(lignesLues(lignes, c));
      expect(factsOf(c).debutContrat).toBe(20260901);
    });
    c.contrat.dateDebutContrat = '2026-10-01';
    lignes[0]!.dateFin = '2027-09-30';
    avecDossier(c, undefined, () => {
      expect(factsOf(c).debutContrat).toBe(20261001);
      expect(lignesLues(lignes, c)[0]!.fin).toBe(20270930);
    });
    // Outside a dossier the checked cache sees edits too.
    c.contrat.dateDebutContrat = '2026-11-01';
    expect(factsOf(c).debutContrat).toBe(20261101);
  });
});
