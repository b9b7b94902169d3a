// The previous contract of a successive CERFA, as the OPCO knows it (context.dossiers), and the plants' helpers.
//
// The CERFA names its previous contract only by its DECA number (contrat.numeroContratPrecedent, spec/openapi.yaml):
// its dates, rupture and pay are not on the wire. The OPCO holds that contract when it financed it; the rules read
// it among the dossiers of the context (the mock gives the apprentice's earlier dossiers at the decision).
import { parse } from 'yaml';
import type { DossierLu } from '../../model/dossier.js';
import type { Cerfa } from '../../model/payloads.js';
import { addMonths, addYears, parseIsoDate, type Ymd } from '../../remuneration/calendar.js';
import { readDataFile } from '../../remuneration/data-files.js';
import { isValidNumeroDeca } from '../../identifiers/index.js';
import { numeroDecaPlausible } from '../support/avenant.js';
import { factsOf } from '../support/facts.js';
import { eligibiliteParams, valeurEnVigueur } from '../support/params.js';
import { copie } from '../support/plant.js';

/** typeContratApp 21: a new contract with an apprentice who finished the previous one with the same employer. */
export const TYPE_MEME_EMPLOYEUR = 21;

/** States of a dossier that was never executed: it cannot be the previous contract. */
const NON_EXECUTES: ReadonlySet<string> = new Set(['REFUSE', 'ANNULE']);

let delai: number | undefined;

/** D6222-1-1 (ELIG-19): months allowed between the previous contract's end and the new conclusion (eligibilite.yaml). */
export function delaiContratSuccessifMois(): number {
  if (delai === undefined) {
    const raw = (parse(readDataFile('eligibilite.yaml')) as Record<string, unknown> | null)?.delaiMaximumContratSuccessifMois;
    if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0) throw new Error("eligibilite parameters: 'delaiMaximumContratSuccessifMois' must be a whole number");
    delai = raw;
  }
  return delai;
}

const params = eligibiliteParams();

/**
 * Why the delay of the successive-contract exception (ELIG-19) does not apply to this CERFA, or undefined when it
 * does: a succession (21–23) of an apprentice past the age limit, within the successive-contract limit, with no
 * other exception (RQTH, business project, high-level athlete). `skip` marks unreadable dates.
 */
export function horsExceptionSuccessif(cerfa: Cerfa): { raison: string; skip?: true } | undefined {
  if (!params.typesContratSuccessif.has(cerfa.contrat?.typeContratApp)) return { raison: "le contrat n'est pas une succession de contrats" };
  const facts = factsOf(cerfa);
  if (facts.ageDebut === undefined || facts.conclusion === undefined) return { raison: 'date de naissance, de début ou de conclusion illisible', skip: true };
  const a = cerfa.apprenti;
  if (a.handicap === true || a.projetCreationRepriseEntreprise === true || a.inscriptionSportifDeHautNiveau === true) {
    return { raison: "pas de limite d'âge (RQTH, projet de création ou reprise d'entreprise, sportif de haut niveau)" };
  }
  if (facts.ageDebut <= valeurEnVigueur(params.ageMaximum, facts.conclusion)) return { raison: "l'apprenti n'a pas besoin de l'exception « contrat successif »" };
  if (facts.ageDebut > valeurEnVigueur(params.ageMaximumContratSuccessif, facts.conclusion)) return { raison: 'au-delà de la limite du contrat successif (règle eligibilite-age-maximum)' };
  return undefined;
}

/** Whether a rule may need the previous contract: a same-employer succession (REM-12) or the age exception (ELIG-19). */
export function besoinContratPrecedent(cerfa: Cerfa): boolean {
  return cerfa.contrat?.typeContratApp === TYPE_MEME_EMPLOYEUR || horsExceptionSuccessif(cerfa) === undefined;
}

const nir13 = (value: unknown): string | undefined => (typeof value === 'string' && value.length >= 13 ? value.slice(0, 13) : undefined);

/**
 * The contract this CERFA follows: the dossier whose DECA number is contrat.numeroContratPrecedent, else the latest
 * earlier contract of the same apprentice (same NIR). Refused or cancelled dossiers and the CERFA's own are left out.
 */
export function contratPrecedent(cerfa: Cerfa, dossiers: readonly DossierLu[]): DossierLu | undefined {
  const propre = cerfa.numeroInterne;
  const candidats = dossiers.filter((d) => d?.cerfa && !NON_EXECUTES.has(d.cerfa.etat) && (propre === undefined || d.cerfa.numeroInterne !== propre));
  const numero = cerfa.contrat?.numeroContratPrecedent;
  if (typeof numero === 'string' && numero.trim() !== '') {
    const cible = numero.trim().toUpperCase();
    const parDeca = candidats.find((d) => typeof d.cerfa.numeroDeca === 'string' && d.cerfa.numeroDeca.toUpperCase() === cible);
    if (parDeca) return parDeca;
  }
  const nir = nir13(cerfa.apprenti?.nir);
  const debut = parseIsoDate(cerfa.contrat?.dateDebutContrat);
  if (nir === undefined || debut === undefined) return undefined;
  let choisi: DossierLu | undefined;
  let choisiDebut = 0;
  for (const d of candidats) {
    const debutD = parseIsoDate(d.cerfa.contrat?.dateDebutContrat);
    if (debutD === undefined || debutD >= debut || nir13(d.cerfa.apprenti?.nir) !== nir) continue;
    if (choisi === undefined || debutD > choisiDebut) [choisi, choisiDebut] = [d, debutD];
  }
  return choisi;
}

/** When the previous contract ended: its rupture (read model contrat.dateRupture) or its end date. */
export function finContrat(dossier: DossierLu): { fin: Ymd; rompu: boolean } | undefined {
  const contrat = dossier.cerfa.contrat as DossierLu['cerfa']['contrat'] & { dateRupture?: string | null };
  const rupture = parseIsoDate(contrat?.dateRupture);
  if (rupture !== undefined) return { fin: rupture, rompu: true };
  const fin = parseIsoDate(contrat?.dateFinContrat);
  return fin === undefined ? undefined : { fin, rompu: false };
}

/** The SIREN of the employer (first 9 digits of its SIRET). */
export const sirenEmployeur = (cerfa: Cerfa): string | undefined => {
  const siret = cerfa.employeur?.siret;
  return typeof siret === 'string' && siret.length >= 9 ? siret.slice(0, 9) : undefined;
};

// ---- Plants -------------------------------------------------------------------------------------------------------

/** Moves the contract's and training's dates (and the pay lines') by whole years; birth dates stay. Mutates `cerfa`. */
export function decalerContrat(cerfa: Cerfa, annees: number): void {
  const decale = (value: string | undefined): string | undefined => {
    const d = parseIsoDate(value);
    if (d === undefined) return value;
    const moved = addYears(d, annees);
    return `${String(Math.floor(moved / 10000)).padStart(4, '0')}-${String(Math.floor(moved / 100) % 100).padStart(2, '0')}-${String(moved % 100).padStart(2, '0')}`;
  };
  const c = cerfa.contrat;
  c.dateConclusion = decale(c.dateConclusion)!;
  c.dateDebutContrat = decale(c.dateDebutContrat)!;
  c.dateFinContrat = decale(c.dateFinContrat)!;
  if (c.dateFormationPratiqueEmployeur !== undefined) c.dateFormationPratiqueEmployeur = decale(c.dateFormationPratiqueEmployeur);
  if (c.dateEffetAvenant !== undefined) c.dateEffetAvenant = decale(c.dateEffetAvenant);
  cerfa.formation.dateDebutFormation = decale(cerfa.formation.dateDebutFormation)!;
  cerfa.formation.dateFinFormation = decale(cerfa.formation.dateFinFormation)!;
  for (const ligne of c.remunerationsAnnuelles ?? []) {
    ligne.dateDebut = decale(ligne.dateDebut)!;
    ligne.dateFin = decale(ligne.dateFin)!;
  }
}

/** The smallest whole number of years moving `date` strictly after `apres`. */
export function anneesPourDepasser(date: Ymd, apres: Ymd): number {
  let annees = 1;
  while (addYears(date, annees) <= apres) annees++;
  return annees;
}

/** A previous contract the context already holds (the suite's captured dossier): executed, with a DECA number of the norm's form, dated. */
export function precedentDuContexte(dossiers: readonly DossierLu[] | undefined, propre: string | undefined): DossierLu | undefined {
  return (dossiers ?? []).find(
    (d) =>
      d?.cerfa &&
      !NON_EXECUTES.has(d.cerfa.etat) &&
      d.cerfa.numeroInterne !== propre &&
      typeof d.cerfa.numeroDeca === 'string' &&
      isValidNumeroDeca(d.cerfa.numeroDeca) &&
      finContrat(d) !== undefined,
  );
}

/**
 * The dossier of an earlier contract as the OPCO reads it back: `cerfa` (already dated in the past by the caller),
 * its DECA number, ENGAGE. The plants add it to the context when the OPCO holds no earlier contract.
 */
export function dossierPrecedent(cerfa: Cerfa): DossierLu {
  const numeroDeca = numeroDecaPlausible(cerfa);
  return {
    cerfa: { ...copie(cerfa), numeroInterne: `${cerfa.numeroInterne ?? 'DOSSIER'}-PRECEDENT`, numeroExterne: 'OPCO-PRECEDENT', numeroDeca, etat: 'ENGAGE', commentaireEtat: null },
    engagement: null,
    echeances: [],
    engagementsFraisAnnexe: [],
    detailsFacturation: null,
  };
}

/** The end of `cerfa`'s contract plus `mois` months: the last conclusion date allowed to a contract following it. */
export const limiteApres = (fin: Ymd, mois: number): Ymd => addMonths(fin, mois);
