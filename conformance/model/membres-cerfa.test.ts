// Tests of the known-members walk that `cerfa-membre-non-prevu` reports from.
import { describe, expect, it } from 'vitest';
import { membresNonPrevus } from './membres-cerfa.js';

describe('membresNonPrevus', () => {
  it('names unknown members at every depth, in objects and in arrays, and nothing for a known body', () => {
    const body = {
      numeroInterne: 'CFA-1',
      champRacine: 1,
      apprenti: { nom: 'Martin', adresse: { adresse1: '1 rue', numeroVoie: 4 }, constructor: 'x' },
      contrat: { remunerationsAnnuelles: [{ taux: 43 }, { taux: 51, montant: 900 }] },
    };
    expect(membresNonPrevus(body)).toEqual([
      'champRacine',
      'apprenti.adresse.numeroVoie',
      'apprenti.constructor',
      'contrat.remunerationsAnnuelles[1].montant',
    ]);
    expect(membresNonPrevus({ apprenti: { nom: 'Martin', nomUsage: null } })).toEqual([]);
  });
});
