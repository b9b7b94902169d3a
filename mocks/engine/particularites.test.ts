// The profiles' wire quirks as applied to answers: natures spelled as words, CERFA dates, employeurV2, wrapped pages.
import { describe, expect, it } from 'vitest';
import type { DossierLu } from '../../conformance/model/dossier.js';
import { PARTICULARITES_NORME } from '../profiles.js';
import { validCerfa } from '../testdata/fixtures.js';
import { cerfaReecrit, dossierSelonProfil, fraisSelonProfil, natureEnCode, natureEnMot, pageSelonProfil } from './particularites.js';
import { factureNormalisee } from './factures.js';

const lu = (): DossierLu =>
  ({
    cerfa: { ...validCerfa('P-1'), numeroInterne: 'P-1', numeroExterne: 'X-1', etat: 'ENGAGE', numeroDeca: '075202601NC0001', commentaireEtat: null },
    engagement: 1,
    echeances: [{ numero: 1, dateOuverture: '2026-01-15', dateDebut: '2026-01-15', dateFin: null }],
    engagementsFraisAnnexe: [],
    detailsFacturation: null,
  }) as unknown as DossierLu;

describe('frais annexes natures', () => {
  it('spells the codes as the WEDOF fixture does, and reads either spelling back as the code', () => {
    expect(['RESTAURATION', 'PREMIER_EQUIPEMENT', 'HEBERGEMENT', 'MOBILITE_INTERNATIONALE'].map(natureEnMot)).toEqual([
      'Restauration',
      'Premierequipement',
      'Hebergement',
      'Mobiliteinternationale',
    ]);
    for (const code of ['RESTAURATION', 'PREMIER_EQUIPEMENT', 'HEBERGEMENT', 'MOBILITE_INTERNATIONALE']) {
      expect(natureEnCode(natureEnMot(code))).toBe(code);
      expect(natureEnCode(code)).toBe(code);
    }
    expect(natureEnCode('premier_equipement')).toBe('PREMIER_EQUIPEMENT');
    expect(natureEnCode('TAXI')).toBe('TAXI');
    expect(natureEnCode(3)).toBe(3);
  });

  it('writes the committed frais as the profile says, the same array for codes', () => {
    const frais = [{ natureFrais: 'RESTAURATION' as const, quantite: 1, prixUnitaire: 3, montantTotal: 3 }];
    expect(fraisSelonProfil(frais, { naturesFraisCasse: 'codes' })).toBe(frais);
    expect(fraisSelonProfil(frais, { naturesFraisCasse: 'mots' })[0]?.natureFrais).toBe('Restauration');
  });

  it('judges an invoice whose natures are words as codes, leaving an invoice without frais untouched', () => {
    const facture = { numeroInterneFacture: 'F', lignes: [{ numeroEcheance: 1, fraisAnnexes: [{ nature: 'Premierequipement', quantite: 1, prixUnitaire: 500, montant: 500 }] }] };
    expect(factureNormalisee(facture).lignes[0]?.fraisAnnexes?.[0]?.nature).toBe('PREMIER_EQUIPEMENT');
    expect(facture.lignes[0]!.fraisAnnexes[0]!.nature).toBe('Premierequipement');
    const sans = { numeroInterneFacture: 'F', dateFacture: '2026-02-01', lignes: [{ numeroEcheance: 1 }] };
    expect(factureNormalisee(sans)).toBe(sans);
    expect(factureNormalisee({ ...sans, dateFacture: '2026-02-01T10:00:00+01:00' }).dateFacture).toBe('2026-02-01');
  });
});

describe('dossier read as the profile writes it', () => {
  it('leaves the norm’s read unchanged (same object)', () => {
    const dossier = lu();
    expect(cerfaReecrit(PARTICULARITES_NORME)).toBe(false);
    expect(dossierSelonProfil(dossier, PARTICULARITES_NORME)).toBe(dossier);
  });

  it('writes the CERFA’s dates as date-times (AKTO), the schedule’s left as dates', () => {
    const akto = dossierSelonProfil(lu(), { formeDates: 'date-time', employeurV2: false });
    expect(akto.cerfa.apprenti.dateNaissance).toBe('2004-09-01T00:00:00Z');
    expect(akto.cerfa.contrat.remunerationsAnnuelles[0]?.dateDebut).toBe('2026-01-15T00:00:00Z');
    expect(akto.echeances[0]?.dateOuverture).toBe('2026-01-15');
    expect(akto.cerfa.numeroDeca).toBe('075202601NC0001');
  });

  it('names the employer employeurV2, in its place among the CERFA’s members', () => {
    const dossier = lu();
    const v2 = dossierSelonProfil(dossier, { formeDates: 'date', employeurV2: true }).cerfa as unknown as Record<string, unknown>;
    expect(Object.keys(v2)).toEqual(Object.keys(dossier.cerfa).map((k) => (k === 'employeur' ? 'employeurV2' : k)));
    expect(v2.employeurV2).toEqual(dossier.cerfa.employeur);
  });

  it('wraps an etats page in a one-element array where the profile says so', () => {
    const page = { total: 0, count: 0, page: 1, EtatDossierResult: [] };
    expect(pageSelonProfil(page, { pageEtatsEnveloppeTableau: false })).toBe(page);
    expect(pageSelonProfil(page, { pageEtatsEnveloppeTableau: true })).toEqual([page]);
  });
});
