// Tests of the deposit reader: the wire's wrapper, date-times cut to their date, where numeroInterne travelled.
import { describe, expect, it } from 'vitest';
import { datesEnForme, datesEnPartieDate, lireDepotCerfa, partieDate } from './depot-cerfa.js';
import type { Cerfa } from './payloads.js';
import { membresNonPrevus } from './membres-cerfa.js';

const cerfa = (extra: Record<string, unknown> = {}) =>
  ({
    apprenti: { nom: 'Martin', dateNaissance: '2006-03-14T00:00:00+00:00', departementNaissance: '069' },
    contrat: {
      dateDebutContrat: '2026-09-01T00:00:00Z',
      dateFinContrat: '2028-08-31',
      remunerationsAnnuelles: [{ dateDebut: '2026-09-01T00:00:00+0000', dateFin: '2027-08-31T00:00', ordre: '1.1' }],
    },
    ...extra,
  }) as unknown as Cerfa;

describe('partieDate', () => {
  it('cuts date-times with an offset, Z, +0000 or none to their date, and leaves anything else alone', () => {
    expect(partieDate('2026-09-01T00:00:00+00:00')).toBe('2026-09-01');
    expect(partieDate('2026-09-01T23:59:59.123Z')).toBe('2026-09-01');
    expect(partieDate('2026-09-01T00:00:00+0000')).toBe('2026-09-01');
    expect(partieDate('2026-09-01')).toBe('2026-09-01');
    // Not a date-time: judged as sent (a rule or the schema reports it), never silently repaired.
    expect(partieDate('2026-09-01Tmidi')).toBe('2026-09-01Tmidi');
    expect(partieDate('01/09/2026')).toBe('01/09/2026');
    expect(partieDate(42)).toBe(42);
  });
});

describe('datesEnPartieDate', () => {
  it('returns the same object when nothing changes, and copies only the changed branches', () => {
    const plain = { contrat: { dateDebutContrat: '2026-09-01' }, apprenti: { nom: 'Martin' } };
    expect(datesEnPartieDate(plain)).toBe(plain);
    const mixed = { contrat: { dateDebutContrat: '2026-09-01T00:00:00Z' }, apprenti: { nom: 'Martin' } };
    const out = datesEnPartieDate(mixed);
    expect(out).toEqual({ contrat: { dateDebutContrat: '2026-09-01' }, apprenti: { nom: 'Martin' } });
    expect(out.apprenti).toBe(mixed.apprenti);
    expect(mixed.contrat.dateDebutContrat).toBe('2026-09-01T00:00:00Z');
  });
});

describe('lireDepotCerfa', () => {
  it('unwraps {"cerfa": …} and gives the rules plain dates, in arrays too', () => {
    const lu = lireDepotCerfa({ cerfa: cerfa({ numeroInterne: 'CFA-1' }) });
    expect(lu.enveloppe).toBe(true);
    expect(lu.placement).toBe('cerfa');
    expect(lu.cerfa.apprenti.dateNaissance).toBe('2006-03-14');
    expect(lu.cerfa.contrat.dateDebutContrat).toBe('2026-09-01');
    expect(lu.cerfa.contrat.remunerationsAnnuelles[0]).toMatchObject({ dateDebut: '2026-09-01', dateFin: '2027-08-31' });
    expect(lu.cerfa.apprenti.departementNaissance).toBe('069');
  });

  it('reads a bare CERFA (a payload file) as well', () => {
    const lu = lireDepotCerfa(cerfa());
    expect(lu.enveloppe).toBe(false);
    expect(lu.placement).toBe('absent');
    expect(lu.cerfa.contrat.dateFinContrat).toBe('2028-08-31');
  });

  it('finds the unknown members in the same walk, as membresNonPrevus names them, with dates cut everywhere', () => {
    const brut = cerfa({
      champRacine: { dateX: '2026-01-02T00:00:00Z' },
      constructor: 'x',
      employeur: { adresse: { adresse1: '1 rue', numeroVoie: 4 }, siret: '1' },
      maitre1: ['pas un objet'],
      contrat: {
        dateDebutContrat: '2026-09-01T00:00:00Z',
        remunerationsAnnuelles: [{ dateDebut: '2026-09-01T00:00:00Z', montant: 9 }, 'texte', { taux: 43 }],
      },
    });
    const lu = lireDepotCerfa({ cerfa: brut });
    expect(lu.membresNonPrevus).toEqual([
      'contrat.remunerationsAnnuelles[0].montant',
      'champRacine',
      'constructor',
      'employeur.adresse.numeroVoie',
    ]);
    expect(lu.membresNonPrevus).toEqual(membresNonPrevus(lu.cerfa));
    expect(lu.cerfa).toEqual(datesEnPartieDate(brut));
    expect(lireDepotCerfa({ cerfa: cerfa() }).membresNonPrevus).toEqual([]);
  });

  it('takes numeroInterne from the root when only there, and reports two different numbers as a conflict', () => {
    expect(lireDepotCerfa({ cerfa: cerfa(), numeroInterne: 'CFA-2' })).toMatchObject({ placement: 'racine', cerfa: { numeroInterne: 'CFA-2' } });
    expect(lireDepotCerfa({ cerfa: cerfa({ numeroInterne: 'CFA-2' }), numeroInterne: 'CFA-2' }).conflit).toBeUndefined();
    expect(lireDepotCerfa({ cerfa: cerfa({ numeroInterne: 'CFA-1' }), numeroInterne: 'CFA-2' }).conflit).toEqual({ cerfa: 'CFA-1', racine: 'CFA-2' });
    expect(lireDepotCerfa({ cerfa: cerfa({ numeroInterne: '' }) }).placement).toBe('absent');
  });
});

describe('datesEnForme', () => {
  it('writes the dates of a read model as date-times for the profiles that answer so, and leaves other members alone', () => {
    const lu = { cerfa: { contrat: { dateDebutContrat: '2026-09-01' }, apprenti: { nom: '2026-09-01' } }, echeances: [{ dateOuverture: '2026-09-01', dateFin: null }] };
    expect(datesEnForme(lu, 'date-time')).toEqual({
      cerfa: { contrat: { dateDebutContrat: '2026-09-01T00:00:00Z' }, apprenti: { nom: '2026-09-01' } },
      echeances: [{ dateOuverture: '2026-09-01T00:00:00Z', dateFin: null }],
    });
    expect(datesEnForme({ dateDebut: '2026-09-01T00:00:00Z' }, 'date')).toEqual({ dateDebut: '2026-09-01' });
  });
});
