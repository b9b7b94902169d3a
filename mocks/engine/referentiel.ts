// The mock OPCO's sample référentiel (mocks/data/referentiel.yaml): NPEC lookup, inactive RNCP codes, CfaDock's routing.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { mocksAsset } from '../profiles.js';

export interface Referentiel {
  valeurAmorcage: number;
  majorationRQTH: number;
  plafondFraisPremierEquipement: number;
  prixFraisAnnexes: { HEBERGEMENT: number; RESTAURATION: number };
  npec: { rncp: string; codeDiplome: string; intitule: string; montant: number }[];
  rncpInactifs: string[];
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
  cached ??= parse(readFileSync(mocksAsset('data/referentiel.yaml'), 'utf8')) as Referentiel;
  return cached;
}

const normaliseRncp = (code: string): string => code.toUpperCase().replace(/^(RNCP)?/, 'RNCP');

/** Annual NPEC for a certification: by RNCP, then by code diplôme, then the valeur d'amorçage. */
export function npecFor(ref: Referentiel, rncp: string | undefined, codeDiplome: string | undefined): { montant: number; source: string } {
  const byRncp = rncp ? ref.npec.find((n) => normaliseRncp(n.rncp) === normaliseRncp(rncp)) : undefined;
  if (byRncp) return { montant: byRncp.montant, source: byRncp.rncp };
  const byCode = codeDiplome ? ref.npec.find((n) => String(n.codeDiplome) === codeDiplome) : undefined;
  if (byCode) return { montant: byCode.montant, source: String(byCode.codeDiplome) };
  return { montant: ref.valeurAmorcage, source: 'valeur-amorcage' };
}

export function rncpInactifs(ref: Referentiel): string[] {
  return ref.rncpInactifs.map(normaliseRncp);
}
