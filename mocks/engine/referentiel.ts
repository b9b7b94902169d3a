// The mock OPCO's sample référentiel (mocks/data/referentiel.yaml): NPEC lookup, inactive RNCP codes, CfaDock's routing.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { mocksAsset } from '../profiles.js';
import { parseSirene, type ReferentielSirene } from '../../conformance/model/sirene.js';

export interface Referentiel {
  valeurAmorcage: number;
  majorationRQTH: number;
  plafondFraisPremierEquipement: number;
  prixFraisAnnexes: { HEBERGEMENT: number; RESTAURATION: number };
  /**
   * Annual NPEC per certification. `dateDebut`: in force for contracts concluded from that day (absent: always);
   * `dureeMois`: the usual length of the cycle (a shorter contract under one year has a reduced duration).
   * Dated lookup: npecALaConclusion (mocks/engine/financing.ts).
   */
  npec: { rncp: string; codeDiplome: string; intitule: string; montant: number; dateDebut?: string; dureeMois?: number }[];
  rncpInactifs: string[];
  /** Certifications whose RNCP fiche does not tick « éligible à l'apprentissage »; absent: none. */
  rncpNonEligibles?: string[];
  /** SIRENE establishments (mocks/data/sirene.yaml, bundled beside this file); absent: the SIRENE rules skip. */
  sirene?: ReferentielSirene;
  /** CfaDock's routing data (mocks/cfadock.ts); absent in a référentiel given by a test: every search is NOT_FOUND. */
  cfaDock?: ReferentielCfaDock;
}

export interface ReferentielCfaDock {
  /** Per OPCO profile id: the name and SIREN CfaDock answers. */
  opcos: Record<string, { opcoName: string; opcoSiren: string }>;
  /** IDCC without leading zeros → OPCO profile id. */
  idcc: Record<string, string>;
  /** SIRET → IDCC of the employers the sample référentiel knows. */
  employeurs: Record<string, string>;
}

let cached: Referentiel | undefined;

export function bundledReferentiel(): Referentiel {
  cached ??= {
    ...(parse(readFileSync(mocksAsset('data/referentiel.yaml'), 'utf8')) as Referentiel),
    sirene: parseSirene(readFileSync(mocksAsset('data/sirene.yaml'), 'utf8'), 'mocks/data/sirene.yaml'),
  };
  return cached;
}

const normaliseRncp = (code: string): string => code.toUpperCase().replace(/^(RNCP)?/, 'RNCP');

/** The entry of a dated list with the latest `dateDebut` (an undated entry counts as the oldest). */
const latest = <T extends { dateDebut?: string }>(entries: T[]): T | undefined =>
  entries.reduce<T | undefined>((best, e) => (!best || (e.dateDebut ?? '') >= (best.dateDebut ?? '') ? e : best), undefined);

/**
 * Annual NPEC for a certification today (its latest entry): by RNCP, then by code diplôme, then the valeur
 * d'amorçage. The NPEC of a contract is the one in force at its conclusion: npecALaConclusion (financing.ts).
 */
export function npecFor(ref: Referentiel, rncp: string | undefined, codeDiplome: string | undefined): { montant: number; source: string } {
  const byRncp = rncp ? latest(ref.npec.filter((n) => normaliseRncp(n.rncp) === normaliseRncp(rncp))) : undefined;
  if (byRncp) return { montant: byRncp.montant, source: byRncp.rncp };
  const byCode = codeDiplome ? latest(ref.npec.filter((n) => String(n.codeDiplome) === codeDiplome)) : undefined;
  if (byCode) return { montant: byCode.montant, source: String(byCode.codeDiplome) };
  return { montant: ref.valeurAmorcage, source: 'valeur-amorcage' };
}

export function rncpInactifs(ref: Referentiel): string[] {
  return ref.rncpInactifs.map(normaliseRncp);
}

export function rncpNonEligibles(ref: Referentiel): string[] {
  return (ref.rncpNonEligibles ?? []).map(normaliseRncp);
}
