// Helpers for the rules' plants: copy a valid CERFA, move the apprentice's age consistently, recompute remuneration.
import {
  addMonths,
  ageAt,
  formatIsoDate,
  monthOf,
  parseIsoDate,
  yearOf,
  type Ymd,
} from '../../remuneration/calendar.js';
import { lignesRemunerationMinimale } from '../../remuneration/lignes.js';
import type { Cerfa } from '../../model/payloads.js';
import type { RuleContext } from '../rule.js';
import { eligibiliteParams } from './params.js';
import { nirKey } from '../../identifiers/index.js';

/** A deep copy: plants never mutate their input. */
export function copie<T>(value: T): T {
  return structuredClone(value);
}

export const iso = formatIsoDate;

/** Parses a date the valid payload is known to carry; a plant on an unreadable date is a programming error. */
export function date(value: string | undefined, field: string): Ymd {
  const parsed = parseIsoDate(value);
  if (parsed === undefined) throw new Error(`plant: the valid payload has no readable ${field}`);
  return parsed;
}

/** Replaces the first 13 characters of a NIR, recomputing its key (identifiers' nirKey) when it has one. */
export function nirAvecCorps(nir: string, body: string): string {
  if (nir.length < 15) return body + nir.slice(13);
  let key: string;
  try {
    key = nirKey(body);
  } catch {
    key = nir.slice(13, 15);
  }
  return body + key + nir.slice(15);
}

/**
 * Rewrites the birth year and month digits of a NIR (positions 2–5) and its key when present, so that moving a
 * birth date does not break the NIR coherence rules of the identifiants area.
 */
export function nirAvecNaissance(nir: string, naissance: Ymd): string {
  if (typeof nir !== 'string' || nir.length < 13) return nir;
  const yy = String(yearOf(naissance) % 100).padStart(2, '0');
  const mm = String(monthOf(naissance)).padStart(2, '0');
  return nirAvecCorps(nir, nir.slice(0, 1) + yy + mm + nir.slice(5, 13));
}

/** Rebuilds the remuneration lines at the legal minimum and the hiring salary from them. */
export function recalculerRemuneration(cerfa: Cerfa): void {
  const lignes = lignesRemunerationMinimale(cerfa);
  if (lignes.length === 0) return;
  cerfa.contrat.remunerationsAnnuelles = lignes;
  const premier = lignes[0]?.salaireBrut;
  if (premier !== undefined) cerfa.contrat.salaireEmbauche = premier;
}

/**
 * After a plant moved `dateFinContrat`: drops the remuneration lines starting after it and ends the last one on it,
 * so that the lines still cover the contract to its end (coherence-remuneration-continuite). Mutates `cerfa`.
 */
export function finirRemunerationAuContrat(cerfa: Cerfa): void {
  const fin = parseIsoDate(cerfa.contrat.dateFinContrat);
  const lignes = cerfa.contrat.remunerationsAnnuelles;
  if (fin === undefined || !Array.isArray(lignes)) return;
  const gardees = lignes.filter((ligne) => (parseIsoDate(ligne.dateDebut) ?? fin) <= fin);
  let derniere: (typeof gardees)[number] | undefined;
  for (const ligne of gardees) {
    if (derniere === undefined || (parseIsoDate(ligne.dateDebut) ?? 0) >= (parseIsoDate(derniere.dateDebut) ?? 0)) derniere = ligne;
  }
  if (derniere === undefined) return;
  derniere.dateFin = iso(fin);
  cerfa.contrat.remunerationsAnnuelles = gardees;
}

/**
 * Gives the apprentice `age` whole years at dateDebutContrat (born six months before that anniversary) and keeps
 * everything that depends on it coherent: NIR digits, minor flags, a legal representative for a minor, dérogation
 * types 11/12, a minor's weekly hours, the remuneration lines. Mutates `cerfa` (call it on a copy).
 */
export function fixerAgeApprenti(cerfa: Cerfa, age: number): void {
  const params = eligibiliteParams();
  const debut = date(cerfa.contrat.dateDebutContrat, 'contrat.dateDebutContrat');
  const conclusion = date(cerfa.contrat.dateConclusion, 'contrat.dateConclusion');
  const naissance = addMonths(debut, -(age * 12 + 6));
  const apprenti = cerfa.apprenti;
  apprenti.dateNaissance = iso(naissance);
  apprenti.nir = nirAvecNaissance(apprenti.nir, naissance);
  const mineur = ageAt(naissance, conclusion) < params.ageMajorite;
  apprenti.apprentiMineur = mineur;
  apprenti.apprentiMineurNonEmancipe = mineur;
  if (mineur) {
    // As real software sends it: no memeAdresse, no address (the apprentice's).
    apprenti.responsableLegal ??= { nom: apprenti.nom, prenom: 'Dominique' };
    if (cerfa.contrat.dureeTravailHebdoHeures > params.dureeHebdoMaximumHeuresMineur) {
      cerfa.contrat.dureeTravailHebdoHeures = params.dureeHebdoMaximumHeuresMineur;
      cerfa.contrat.dureeTravailHebdoMinutes = 0;
    }
  }
  const derogation = cerfa.contrat.typeDerogation;
  if ((derogation === 11 && age >= 16) || (derogation === 12 && age <= 29)) delete cerfa.contrat.typeDerogation;
  recalculerRemuneration(cerfa);
}

/** Today for a plant that needs a clock: the context's, else the conclusion date (every valid date check holds). */
export function aujourdhuiPourPlant(cerfa: Cerfa, context: RuleContext): Ymd {
  return parseIsoDate(context.today) ?? date(cerfa.contrat.dateConclusion, 'contrat.dateConclusion');
}
