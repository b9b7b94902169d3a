// Helpers of the financing server rules: the contract read back from an OPCO, and the annual amounts its échéancier implies.
import type { Echeance } from '../../model/dossier.js';
import {
  apresRuptureAutreEmployeur,
  atteintSeuilDistanciel,
  financerContrat,
  FinancementError,
  loadFinancementParams,
  niveauDuTypeDiplome,
  enVigueur,
  type ContratFinance,
} from '../../financing/index.js';
import { valueAt } from './support.js';
import { fail, type RuleResult } from '../rule.js';

export const cents = (v: unknown): number => Math.round(Number(v ?? 0) * 100);
export const jour = (v: unknown): string | undefined => (typeof v === 'string' && v.length >= 10 ? v.slice(0, 10) : undefined);
const IBAN_UNITE = 'FR7630006000011234567890189';

/** The contract facts an OPCO's read model gives back (`cerfa.contrat`, `cerfa.formation`), for the library. */
export interface ContratLu {
  /** The library's input for a unit NPEC of 0 (the rules set npecAnnuel and majorationRQTHAnnuelle). */
  contrat: ContratFinance;
  /** `formation.typeDiplome` was read: the level (or its absence of level) is known. */
  niveauLu: boolean;
  /** ≥ 80 % of the training hours at distance (`nombreHeuresEnDistanciel` over `dureeFormation`). */
  distanciel80: boolean;
  dateRupture: string | undefined;
}

/** The contract of a dossier read back, or undefined when its dates are missing. */
export function contratLu(body: unknown): ContratLu | undefined {
  const contrat = valueAt(body, 'cerfa.contrat') as Record<string, unknown> | undefined;
  const formation = (valueAt(body, 'cerfa.formation') ?? {}) as Record<string, unknown>;
  const dateConclusion = jour(contrat?.dateConclusion);
  const dateDebutContrat = jour(contrat?.dateDebutContrat);
  const dateFinContrat = jour(contrat?.dateFinContrat);
  if (!contrat || !dateConclusion || !dateDebutContrat || !dateFinContrat) return undefined;
  const niveau = niveauDuTypeDiplome(formation.typeDiplome);
  const premier = (valueAt(body, 'echeances[0]') ?? {}) as Partial<Echeance>;
  const heures = Number(formation.dureeFormation);
  const distance = Number(formation.nombreHeuresEnDistanciel ?? 0);
  return {
    contrat: {
      dateConclusion,
      dateDebutContrat,
      dateFinContrat,
      npecAnnuel: 0,
      majorationRQTHAnnuelle: 0,
      ...(niveau !== undefined ? { niveauCertification: niveau } : {}),
      ...(apresRuptureAutreEmployeur(contrat.typeContratApp) ? { nouveauContratApresRupture: true } : {}),
      iban: typeof premier.iban === 'string' ? premier.iban : IBAN_UNITE,
      siret: typeof premier.siret === 'string' ? premier.siret : '',
    },
    niveauLu: typeof formation.typeDiplome === 'number',
    distanciel80: Number.isFinite(heures) && heures > 0 && Number.isFinite(distance) && atteintSeuilDistanciel(distance, heures),
    dateRupture: jour(contrat.dateRupture),
  };
}

/**
 * The employer participations the OPCO may have deducted at the commitment: the library's for the level read back
 * (0 below level 6 or before 2025-07-01), or, when the CERFA read back gives no diploma type, 0 and every flat
 * amount in force (the suite cannot tell the level).
 */
export function participationsPossibles(lu: ContratLu): number[] {
  if (lu.niveauLu) return [financerContrat({ ...lu.contrat, npecAnnuel: 10_000 }).participation.montant];
  const p = enVigueur(loadFinancementParams().participationEmployeur, lu.contrat.dateConclusion);
  return p ? [0, p.forfait, p.forfaitNouveauContratApresRupture] : [0];
}

/** Annual amounts (euros) whose share `parEuro` (cents per euro) comes closest to `observe` cents: the rounding neighbours. */
function voisins(observe: number, parEuro: number): number[] {
  if (!(parEuro > 0)) return [];
  const brut = observe / parEuro;
  const centimes = Math.round(brut * 100);
  return [...new Set([Math.round(brut), centimes / 100, (centimes + 1) / 100, (centimes - 1) / 100, (centimes + 2) / 100, (centimes - 2) / 100])].filter((n) => n >= 0);
}

/**
 * The annual NPEC and RQTH majoration an échéancier read back implies (the OPCO's référentiel is not the suite's):
 * amounts are linear in both up to rounding. The NPEC is read from the échéances after the first one (the first
 * carries the employer participation), and from the whole schedule plus each possible participation; the RQTH
 * majoration from the whole schedule (never reduced). Candidates, closest first.
 */
export function annuelsPossibles(lu: ContratLu, lues: readonly Partial<Echeance>[], participations: readonly number[]): { npec: number[]; rqth: number[] } {
  const unite = financerContrat({ ...lu.contrat, npecAnnuel: 10_000, majorationRQTHAnnuelle: 0 }, undefined, 0).echeances;
  // 1 000 € stays under the RQTH cap (4 000 € a year from 2021), so the unit schedule is not capped.
  const uniteRqth = financerContrat({ ...lu.contrat, npecAnnuel: 0, majorationRQTHAnnuelle: 1_000 }, undefined, 0).echeances;
  const somme = (l: readonly Partial<Echeance>[], champ: 'montantPedagogique' | 'montantMajorationRQTH', depuis = 0): number =>
    l.slice(depuis).reduce((s, e) => s + cents(e[champ]), 0);
  const npec = new Set<number>();
  if (lues.length > 1 && unite.length > 1) for (const n of voisins(somme(lues, 'montantPedagogique', 1), somme(unite, 'montantPedagogique', 1) / 10_000)) npec.add(n);
  for (const p of participations) for (const n of voisins(somme(lues, 'montantPedagogique') + cents(p), somme(unite, 'montantPedagogique') / 10_000)) npec.add(n);
  const rqthLu = somme(lues, 'montantMajorationRQTH');
  const rqth = rqthLu === 0 ? [0] : voisins(rqthLu, somme(uniteRqth, 'montantMajorationRQTH') / 1_000);
  return { npec: [...npec], rqth };
}

/** A financing rule's verdict, or a failure naming the contract when its dates allow no échéancier (FinancementError). */
export function selonFinancement(juger: () => RuleResult): RuleResult {
  try {
    return juger();
  } catch (error) {
    if (error instanceof FinancementError) return fail({ path: 'cerfa.contrat', expected: 'des dates permettant un échéancier', received: error.message });
    throw error;
  }
}
