// Reading the SIRENE référentiel of the context for a CERFA's SIRETs: known, active at a date, diffusible.
import type { EtablissementSirene, ReferentielSirene } from '../../model/sirene.js';
import { parseIsoDate, type Ymd } from '../../remuneration/calendar.js';

/** The SIRETs of a CERFA the SIRENE rules judge, with their report path and who they are in French. */
export const SIRETS_CERFA = [
  { membre: 'employeur', path: 'employeur.siret', qui: "de l'employeur" },
  { membre: 'organismeFormation', path: 'organismeFormation.siret', qui: "de l'organisme de formation" },
  { membre: 'organismeFormationLieuFormationPrincipal', path: 'organismeFormationLieuFormationPrincipal.siret', qui: 'du lieu de formation principal' },
] as const;

/** The establishment SIRENE knows for `siret`, or undefined (unknown, or not in a sample référentiel). */
export function etablissement(ref: ReferentielSirene, siret: unknown): EtablissementSirene | undefined {
  if (typeof siret !== 'string' || !Object.hasOwn(ref.etablissements, siret)) return undefined;
  return ref.etablissements[siret];
}

/**
 * Whether the establishment exists and is open on `date`: created on or before it, and active, or closed after it.
 * Without a date, its current state. A closed establishment without a closing date is closed on every date.
 */
export function actifLe(e: EtablissementSirene, date: Ymd | undefined): boolean {
  if (date === undefined) return e.etat === 'A';
  const creation = parseIsoDate(e.dateCreation);
  if (creation !== undefined && creation > date) return false;
  if (e.etat === 'A') return true;
  const fermeture = parseIsoDate(e.dateFermeture);
  return fermeture !== undefined && fermeture > date;
}
