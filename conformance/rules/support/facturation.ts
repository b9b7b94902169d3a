// Shared helpers of the facturation, convention and certificat rules: the OPCO's dossier and échéance behind a line, money and copies.
import type { DossierLu, Echeance } from '../../model/dossier.js';
import type { Facture, FraisAnnexe, LigneFacture } from '../../model/payloads.js';
import type { RuleContext } from '../rule.js';
import { parseIsoDate, type Ymd } from '../../remuneration/calendar.js';

/** States with an échéancier and commitments (RUPTU: the rupture code some OPCOs answer). Before, nothing is committed yet. */
const ETATS_ENGAGES: ReadonlySet<string> = new Set(['ENGAGE', 'RUPTURE', 'RUPTU', 'SOLDE']);

/**
 * Whether the OPCO has engaged the dossier (so it has an échéancier and commitments). Rules about échéances and
 * commitments leave a line of a dossier not engaged yet to facture-dossier-numero-deca: an invoice sent before
 * engagement is rejected once, as not invoiceable, not for every consequence of having no échéancier.
 */
export const estEngage = (dossier: DossierLu): boolean => ETATS_ENGAGES.has(dossier.cerfa.etat);

export const SANS_DOSSIERS = 'contexte requis : les dossiers connus de l’OPCO (context.dossiers)';

/** A deep copy, so that plants never mutate their input. */
export const copie = <T>(value: T): T => structuredClone(value);

export function lignesDe(facture: Facture): LigneFacture[] {
  return Array.isArray(facture.lignes) ? facture.lignes : [];
}

export function dossierDe(context: RuleContext, numeroInterne: unknown): DossierLu | undefined {
  if (typeof numeroInterne !== 'string') return undefined;
  return context.dossiers?.find((d) => d.cerfa.numeroInterne === numeroInterne);
}

export function echeanceDe(dossier: DossierLu | undefined, numero: unknown): Echeance | undefined {
  return dossier?.echeances.find((e) => e.numero === numero);
}

/** One invoice line with what the OPCO knows about it (dossier and échéance, when found). */
export interface LigneConnue {
  ligne: LigneFacture;
  index: number;
  /** `lignes[i]` */
  chemin: string;
  dossier: DossierLu | undefined;
  echeance: Echeance | undefined;
}

export function lignesConnues(facture: Facture, context: RuleContext): LigneConnue[] {
  return lignesDe(facture).map((ligne, index) => {
    const dossier = dossierDe(context, ligne?.numeroInterneDossier);
    return { ligne, index, chemin: `lignes[${index}]`, dossier, echeance: echeanceDe(dossier, ligne?.numeroEcheance) };
  });
}

/** A finite number, or undefined. */
export const nombre = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** Euros → cents for comparisons to the cent; non-numbers give NaN so that they never compare equal. */
export const cents = (value: unknown): number => {
  const n = nombre(value);
  return n === undefined ? Number.NaN : Math.round(n * 100);
};

/** `3 200,00 €` for messages. */
export function euros(value: unknown): string {
  const n = nombre(value);
  if (n === undefined) return String(value);
  const [ent, dec] = (Math.round(n * 100) / 100).toFixed(2).split('.');
  return `${(ent ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')},${dec ?? '00'} €`;
}

export const texteRenseigne = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

export const normaliserIban = (value: string): string => value.replace(/\s+/g, '').toUpperCase();
export const normaliserSiret = (value: string): string => value.replace(/\s+/g, '');

/** A date of a payload or read model (`YYYY-MM-DD`, time suffix tolerated), or undefined. */
export const jour = (value: unknown): Ymd | undefined => parseIsoDate(value);

/** The first line of `facture` whose dossier and échéance are both known, for plants that need one. */
export function premiereLigneConnue(facture: Facture, context: RuleContext, ruleId: string): LigneConnue & { dossier: DossierLu; echeance: Echeance } {
  const found = lignesConnues(facture, context).find((l) => l.dossier && l.echeance);
  if (!found || !found.dossier || !found.echeance) throw new Error(`${ruleId}: plant needs a line whose dossier and échéance are in context.dossiers`);
  return found as LigneConnue & { dossier: DossierLu; echeance: Echeance };
}

/** A copy of `context` where the dossier `numeroInterne` is replaced by `change(copy of it)`. */
export function avecDossier(context: RuleContext, numeroInterne: string, change: (d: DossierLu) => DossierLu): RuleContext {
  return {
    ...context,
    dossiers: (context.dossiers ?? []).map((d) => (d.cerfa.numeroInterne === numeroInterne ? change(copie(d)) : d)),
  };
}

/** Adds `delta` euros to a line's montant and to the invoice total, to the cent (keeps the sums consistent in plants). */
export function ajouterAuMontant(facture: Facture, index: number, delta: number): void {
  const ligne = facture.lignes[index];
  if (!ligne) return;
  ligne.montant = Math.round((ligne.montant + delta) * 100) / 100;
  facture.montantTotal = Math.round((facture.montantTotal + delta) * 100) / 100;
}

/** The value at a dotted path (`formation.dateDebutFormation`), or undefined. */
export function valeur(objet: unknown, chemin: string): unknown {
  let v: unknown = objet;
  for (const cle of chemin.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[cle];
  }
  return v;
}

/** Required fields: a non-blank string, a finite number or a boolean. Returns the missing paths. */
export function champsManquants(objet: unknown, chemins: readonly string[]): string[] {
  return chemins.filter((chemin) => {
    const v = valeur(objet, chemin);
    return !(texteRenseigne(v) || nombre(v) !== undefined || typeof v === 'boolean');
  });
}

/** Deletes the field at a dotted path of `objet` (a copy the caller owns). */
export function supprimer(objet: unknown, chemin: string): void {
  const cles = chemin.split('.');
  const derniere = cles.pop();
  const parent = valeur(objet, cles.join('.')) ?? (cles.length === 0 ? objet : undefined);
  if (derniere !== undefined && parent !== null && typeof parent === 'object') delete (parent as Record<string, unknown>)[derniere];
}

/**
 * Adds `frais` to line `index` (line and invoice totals follow) and, when that line's dossier is in the context,
 * returns a context where the OPCO committed this frais too, so that a plant adding a frais annexe breaks only the
 * rule it targets. Mutates `facture` (a copy the caller owns).
 */
export function ajouterFrais(facture: Facture, context: RuleContext, index: number, frais: FraisAnnexe): RuleContext | undefined {
  const ligne = facture.lignes[index];
  if (!ligne) throw new Error('ajouterFrais: no such line');
  ligne.fraisAnnexes = [...(ligne.fraisAnnexes ?? []), frais];
  ajouterAuMontant(facture, index, frais.montant);
  if (!dossierDe(context, ligne.numeroInterneDossier)) return undefined;
  return avecDossier(context, ligne.numeroInterneDossier, (d) => ({
    ...d,
    engagementsFraisAnnexe: [
      ...d.engagementsFraisAnnexe,
      { natureFrais: frais.nature, quantite: frais.quantite, prixUnitaire: frais.prixUnitaire, montantTotal: frais.montant },
    ],
  }));
}
