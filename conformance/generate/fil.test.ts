// Tests of the wire form: generated CERFAs leave as `{"cerfa": …}` with the variety real software shows, and read back unchanged.
import { describe, expect, it } from 'vitest';
import { lireDepotCerfa } from '../model/depot-cerfa.js';
import { membresNonPrevus } from '../model/membres-cerfa.js';
import type { Cerfa } from '../model/payloads.js';
import { KINDS, commeUnLogiciel, datesAvecHeure, generateCerfa, generateRecord, styleDe, surLeFil } from './index.js';

const N = 300;
const indices = Array.from({ length: N }, (_, i) => i);
const cerfas = indices.map((i) => generateCerfa(5, i));
const corps = indices.map((i) => surLeFil('cerfa', cerfas[i]!, 5, i) as { cerfa: Cerfa });
const share = (test: (c: Cerfa, i: number) => boolean): number => cerfas.filter(test).length / N;

describe('the wire form of a CERFA', () => {
  it('is the deposit body {"cerfa": …} and reads back as the generated CERFA', () => {
    for (const [i, body] of corps.entries()) {
      expect(Object.keys(body)).toEqual(['cerfa']);
      const lu = lireDepotCerfa(body);
      expect(lu.enveloppe).toBe(true);
      expect(lu.conflit).toBeUndefined();
      expect(lu.cerfa).toEqual(cerfas[i]);
    }
  });

  it('writes dates as date-times with an offset for the software that does, plain dates otherwise', () => {
    let avecHeure = 0;
    for (const [i, body] of corps.entries()) {
      const naissance = body.cerfa.apprenti.dateNaissance;
      if (styleDe(5, i).datesHeure) {
        avecHeure++;
        expect(naissance).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+00:00$/);
        expect(body.cerfa.contrat.remunerationsAnnuelles[0]!.dateDebut).toMatch(/T00:00:00\+00:00$/);
      } else {
        expect(naissance).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    expect(avecHeure / N).toBeGreaterThan(0.2);
    expect(avecHeure / N).toBeLessThan(0.8);
  });

  it('leaves other kinds as they are', () => {
    for (const kind of KINDS.filter((k) => k !== 'cerfa')) {
      const { payload } = generateRecord(kind, 5, 3);
      expect(surLeFil(kind, payload, 5, 3)).toBe(payload);
    }
  });

  it('turns only date members into date-times, without changing its input', () => {
    const value = { dateDebut: '2026-09-01', intitule: '2026-09-01', lignes: [{ dateFin: '2027-08-31' }], dateMalFormee: '01/09/2026' };
    const copy = structuredClone(value);
    expect(datesAvecHeure(value)).toEqual({
      dateDebut: '2026-09-01T00:00:00+00:00',
      intitule: '2026-09-01',
      lignes: [{ dateFin: '2027-08-31T00:00:00+00:00' }],
      dateMalFormee: '01/09/2026',
    });
    expect(value).toEqual(copy);
  });
});

describe('a CERFA as third-party software writes it', () => {
  it('is wrapped, dated with offsets, without numeroInterne, and reads back as the same contract', () => {
    for (const [i, cerfa] of cerfas.slice(0, 60).entries()) {
      const body = commeUnLogiciel(cerfa);
      const c = body.cerfa;
      expect(c.numeroInterne).toBeUndefined();
      expect(c.versionCERFA).toBe('10103*14');
      expect(typeof c.CERFASignatureProbante).toBe('boolean');
      expect(c.employeur.privePublic).toBeUndefined();
      expect(c.apprenti.dateNaissance).toMatch(/T00:00:00\+00:00$/);
      expect(c.apprenti.departementNaissance).toHaveLength(3);
      expect(c.apprenti.nomUsage === null || typeof c.apprenti.nomUsage === 'string').toBe(true);
      for (const a of [c.employeur.adresse, c.apprenti.adresse, c.organismeFormation.adresse]) {
        expect(a.departement).toBeUndefined();
        expect(typeof a.adresse2).toBe('string');
      }
      expect(membresNonPrevus(c)).toEqual([]);
      const lu = lireDepotCerfa(body);
      expect(lu.placement).toBe('absent');
      expect(lu.cerfa.contrat).toEqual(cerfa.contrat);
      expect(lu.cerfa.formation).toEqual(cerfa.formation);
      expect(lu.cerfa.apprenti.nir).toBe(cerfa.apprenti.nir);
      expect(cerfa).toEqual(generateCerfa(5, i));
    }
  });
});

describe('the variety of real software', () => {
  it('only sends members the spec knows', () => {
    for (const c of cerfas) expect(membresNonPrevus(c)).toEqual([]);
    for (const i of indices.slice(0, 30)) expect(membresNonPrevus(generateCerfa(5, i, { complet: true }))).toEqual([]);
  });

  it('writes addresses with adresse1, an empty adresse2 or a complement, a département or none', () => {
    const adresses = cerfas.flatMap((c) => [c.employeur.adresse, c.apprenti.adresse, c.organismeFormation.adresse]);
    expect(adresses.every((a) => typeof a.adresse1 === 'string' && a.adresse1 !== '')).toBe(true);
    expect(adresses.some((a) => a.adresse2 === '')).toBe(true);
    expect(adresses.some((a) => typeof a.adresse2 === 'string' && a.adresse2 !== '')).toBe(true);
    expect(adresses.some((a) => a.adresse2 === undefined)).toBe(true);
    expect(adresses.some((a) => a.departement === undefined)).toBe(true);
    expect(adresses.some((a) => a.departement !== undefined)).toBe(true);
  });

  it('writes the birth département on two or three characters, 099 abroad', () => {
    const departements = cerfas.map((c) => c.apprenti.departementNaissance);
    expect(departements.some((d) => /^0\d\d$|^02[AB]$/.test(d))).toBe(true);
    expect(departements.some((d) => /^\d\d$|^2[AB]$/.test(d))).toBe(true);
    expect(departements).toContain('099');
    for (const c of cerfas) {
      const d = c.apprenti.departementNaissance;
      expect(c.apprenti.lieuNaissanceFrance).toBe(d !== '99' && d !== '099');
    }
  });

  it('sends the members third-party clients add, on a share of the records', () => {
    expect(share((c) => c.apprenti.nomUsage === null)).toBeGreaterThan(0.2);
    expect(share((c) => c.versionCERFA === '10103*14')).toBeGreaterThan(0.3);
    expect(share((c) => typeof c.CERFASignatureProbante === 'boolean')).toBeGreaterThan(0.3);
    expect(share((c) => typeof c.employeur.caisseComplementaire === 'string')).toBeGreaterThan(0.3);
    expect(share((c) => c.employeur.privePublic === undefined)).toBeGreaterThan(0.3);
    expect(share((c) => typeof c.organismeFormation.lieuFormationIdentique === 'boolean')).toBeGreaterThan(0.3);
    expect(share((c) => c.maitre1.intituleDiplomeObtenu !== undefined && c.maitre1.niveauDiplomeObtenu !== undefined)).toBe(1);
    expect(share((c) => c.employeur.attestationEligibilite === true && c.employeur.attestationPieces === true)).toBe(1);
  });

  it('names a main training site exactly when the training is not at the CFA', () => {
    let apart = 0;
    for (const c of cerfas) {
      const identique = c.organismeFormation.lieuFormationIdentique !== false;
      expect(c.organismeFormationLieuFormationPrincipal === undefined).toBe(identique);
      if (!identique) apart++;
    }
    expect(apart).toBeGreaterThan(0);
    const complet = generateCerfa(5, 0, { complet: true });
    expect(complet.organismeFormation.lieuFormationIdentique).toBe(false);
    expect(complet.organismeFormationLieuFormationPrincipal?.adresse.adresse1).toBeTruthy();
  });

  it('sends numeroInterne on most records, always on the complete variant', () => {
    const present = share((c) => c.numeroInterne !== undefined);
    expect(present).toBeGreaterThan(0.8);
    expect(present).toBeLessThan(1);
    for (const i of indices.slice(0, 50)) expect(generateCerfa(5, i, { complet: true }).numeroInterne).toBeTruthy();
  });
});
