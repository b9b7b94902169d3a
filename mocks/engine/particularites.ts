// The OPCO profile's wire quirks applied to what the engine answers (mocks/profiles.yaml `particularites`).
import type { DossierLu, EngagementFraisAnnexe } from '../../conformance/model/dossier.js';
import { datesEnForme } from '../../conformance/model/depot-cerfa.js';
import type { Particularites } from '../profiles.js';

type NatureFrais = EngagementFraisAnnexe['natureFrais'];

const NATURES: readonly NatureFrais[] = ['HEBERGEMENT', 'RESTAURATION', 'PREMIER_EQUIPEMENT', 'MOBILITE_INTERNATIONALE'];

/** `PREMIER_EQUIPEMENT` → `Premierequipement`, `RESTAURATION` → `Restauration` (the WEDOF fixture's spelling). */
export function natureEnMot(code: string): string {
  const lettres = code.replace(/_/g, '').toLowerCase();
  return lettres.charAt(0).toUpperCase() + lettres.slice(1);
}

const parLettres = new Map(NATURES.map((code) => [code.replace(/_/g, ''), code]));

/**
 * The nature's code from either spelling (`Premierequipement`, `PREMIER_EQUIPEMENT`, `premier_equipement`); a value
 * that is neither comes back unchanged, for the rules to refuse.
 */
export function natureEnCode(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return parLettres.get(value.replace(/[_\s-]/g, '').toUpperCase()) ?? value;
}

/** The committed frais annexes as the profile spells their natures. */
export function fraisSelonProfil(frais: EngagementFraisAnnexe[], profile: Pick<Particularites, 'naturesFraisCasse'>): EngagementFraisAnnexe[] {
  if (profile.naturesFraisCasse === 'codes' || frais.length === 0) return frais;
  return frais.map((f) => ({ ...f, natureFrais: natureEnMot(f.natureFrais) as NatureFrais }));
}

/** True when the profile changes the stored CERFA's text in a read (its dates or the employer's name). */
export function cerfaReecrit(profile: Pick<Particularites, 'formeDates' | 'employeurV2'>): boolean {
  return profile.formeDates !== 'date' || profile.employeurV2;
}

/** `{a, employeur, b}` → `{a, employeurV2, b}`, in place of the key (the order of the members is kept). */
function renommerEmployeur(cerfa: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(cerfa)) out[key === 'employeur' ? 'employeurV2' : key] = cerfa[key];
  return out;
}

/**
 * A dossier read (built in the norm's form) as the profile writes it: its CERFA's dates in `formeDates`, the employer
 * under `employeurV2`. The schedule keeps `YYYY-MM-DD` dates (GSTAG's AKTO fixture); natures are spelled by
 * `dossierLu` already.
 */
export function dossierSelonProfil(lu: DossierLu, profile: Pick<Particularites, 'formeDates' | 'employeurV2'>): DossierLu {
  if (!cerfaReecrit(profile)) return lu;
  let cerfa = datesEnForme(lu.cerfa, profile.formeDates) as unknown as Record<string, unknown>;
  if (profile.employeurV2) cerfa = renommerEmployeur(cerfa);
  return { ...lu, cerfa: cerfa as unknown as DossierLu['cerfa'] };
}

/** An `etats` page as the profile sends it: the object itself, or wrapped in a one-element array. */
export function pageSelonProfil<T>(page: T, profile: Pick<Particularites, 'pageEtatsEnveloppeTableau'>): T | [T] {
  return profile.pageEtatsEnveloppeTableau ? [page] : page;
}
