// Each broken variant plugs into the engine's strategy at its one place; no variant: the norm's strategy itself.
import { describe, expect, it } from 'vitest';
import { comportementDesVariantes } from './comportement-variantes.js';
import { CONFORME } from './engine/comportement.js';
import { JAMAIS } from './variants/behaviours.js';
import { parseBreaks } from './variants/index.js';

const avec = (...ids: string[]) => comportementDesVariantes(parseBreaks(ids));

describe('comportementDesVariantes', () => {
  it('is CONFORME without a variant', () => {
    expect(avec()).toBe(CONFORME);
  });

  it('changes only what each variant breaks', () => {
    expect(avec('pagination-total-faux').totalEtats(3)).toBe(4);
    expect(avec('engage-sans-deca').numeroDeca('075202601NC0001', 1)).toBeNull();
    expect(avec('deca-format-invalide').numeroDeca('075202601NC0001', 7)).toBe('DECA-000007');
    expect(avec('montant-regle-fige').paiementAllocation('2026-02-20T00:00:00.000Z')).toBe(JAMAIS);
    const flags = avec('isolation-dossier-rompue', 'dossier-inconnu-200-vide', 'isolation-etats-rompue', 'rupture-sans-prorata', 'facture-doublon-acceptee');
    expect([flags.lireDossiersAutresCfa, flags.dossierInconnuVide, flags.etatsTousLesCfa, flags.ruptureSansProrata, flags.factureDoublonAcceptee]).toEqual([true, true, true, true, true]);
    const autre = avec('json-malforme-500');
    expect(autre.totalEtats(3)).toBe(3);
    expect(autre.numeroDeca('075202601NC0001', 1)).toBe('075202601NC0001');
    expect(autre.lireDossiersAutresCfa).toBe(false);
  });

  it('plugs the issue 13 variants in at their hooks', () => {
    const plan = [
      { numero: 1, codification: 'E1', montantTotal: 40, montantPedagogique: 40, montantMajorationRQTH: 0, dateOuverture: '2025-09-01', dateDebut: '2025-09-01', dateFin: null, iban: 'I', siret: 'S' },
      { numero: 5, codification: 'E5', montantTotal: 40, montantPedagogique: 40, montantMajorationRQTH: 0, dateOuverture: '2026-09-01', dateDebut: '2026-09-01', dateFin: null, iban: 'I', siret: 'S' },
    ];
    expect(avec().echeancesRupture([], plan, '2026-01-10')).toEqual([]);
    expect(avec('rupture-annee-entiere').echeancesRupture([], plan, '2026-01-10').map((e) => e.numero)).toEqual([1]);
    expect([avec().pageServie(3), avec('numero-page-ignore').pageServie(3)]).toEqual([3, 1]);
    expect([avec().redepotAccepte, avec('redepot-accepte').redepotAccepte]).toEqual([false, true]);
    expect([avec().appairageTousLesCfa, avec('appairage-tous-les-cfa').appairageTousLesCfa]).toEqual([false, true]);
  });

  it('drops the failures of the rules a variant ignores', () => {
    const findings = [{ rule: { id: 'eligibilite-age-maximum' } }, { rule: { id: 'cerfa-numero-interne' } }];
    expect(avec('age-maximum-non-controle').constats(findings).map((f) => f.rule.id)).toEqual(['cerfa-numero-interne']);
    expect(avec('pagination-total-faux').constats(findings)).toBe(findings);
  });
});
