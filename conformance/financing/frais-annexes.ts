// Frais annexes: the regulatory cap of each nature (per night, per meal, first equipment) and the amounts an OPCO commits.
import type { EngagementFraisAnnexe } from '../model/dossier.js';
import type { FraisAnnexe, IsoDate } from '../model/payloads.js';
import { mulDivHalfUp, toCents, toEuros } from './cents.js';
import { loadFinancementParams, plafondsFraisAnnexes, type FinancementParams } from './params.js';
import { FinancementError } from './periodes.js';

export type NatureFrais = FraisAnnexe['nature'];

/** How a nature is capped: per unit (night, meal), per contract (first equipment), or not by a national amount. */
export type PlafondNature = { par: 'unite'; montant: number } | { par: 'contrat'; montant: number } | { par: 'aucun' };

/**
 * The cap of one nature for a contract concluded on `date`: 6 € per night, 3 € per meal, 500 € of first equipment.
 * International mobility has no national cap (a flat amount set by each OPCO, research §2.5).
 */
export function plafondNature(nature: NatureFrais, date: IsoDate, params: FinancementParams = loadFinancementParams()): PlafondNature {
  const p = plafondsFraisAnnexes(date, params);
  if (!p) return { par: 'aucun' };
  switch (nature) {
    case 'HEBERGEMENT':
      return { par: 'unite', montant: p.hebergementParNuit };
    case 'RESTAURATION':
      return { par: 'unite', montant: p.restaurationParRepas };
    case 'PREMIER_EQUIPEMENT':
      return { par: 'contrat', montant: p.premierEquipement };
    default:
      return { par: 'aucun' };
  }
}

/** The largest amount allowed for `quantite` units of a nature (undefined when not capped nationally). */
export function montantMaximal(nature: NatureFrais, quantite: number, date: IsoDate, params: FinancementParams = loadFinancementParams()): number | undefined {
  const cap = plafondNature(nature, date, params);
  if (cap.par === 'aucun') return undefined;
  if (cap.par === 'contrat') return cap.montant;
  return toEuros(mulDivHalfUp(toCents(cap.montant), Math.max(0, quantite), 1));
}

export interface DemandeFraisAnnexe {
  natureFrais: NatureFrais;
  quantite: number;
  prixUnitaire: number;
}

/**
 * The commitments an OPCO records for requested frais annexes: the unit price is capped per night / meal, the first
 * equipment at its cap per contract; international mobility is committed as requested. Amounts in euros, exact.
 */
export function engagerFraisAnnexes(
  demandes: readonly DemandeFraisAnnexe[],
  dateConclusion: IsoDate,
  params: FinancementParams = loadFinancementParams(),
): EngagementFraisAnnexe[] {
  return demandes.map((d) => {
    if (!Number.isFinite(d.quantite) || d.quantite < 0 || !Number.isFinite(d.prixUnitaire) || d.prixUnitaire < 0) {
      throw new FinancementError(`frais annexe ${d.natureFrais}: quantité ou prix unitaire invalide`);
    }
    const cap = plafondNature(d.natureFrais, dateConclusion, params);
    const prixUnitaire = cap.par === 'unite' ? Math.min(d.prixUnitaire, cap.montant) : d.prixUnitaire;
    let montant = mulDivHalfUp(toCents(prixUnitaire), d.quantite, 1);
    if (cap.par === 'contrat') montant = Math.min(montant, toCents(cap.montant));
    return { natureFrais: d.natureFrais, quantite: d.quantite, prixUnitaire, montantTotal: toEuros(montant) };
  });
}
