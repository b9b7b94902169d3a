// The recette file (issue 18 §1): what an OPCO declares the suite may rely on, loaded and checked against
// recettes/schema.json; the mock's profiles are recettes too (recetteDuProfil), so one format describes every target.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { lireYamlValide, validateurParesseux } from './yaml-schema.js';
import { packageRoot } from '../engine/package-root.js';
import { ecartsALaNorme, type OpcoProfile } from '../../mocks/profiles.js';
import type { ParticularitesCible } from './particularites.js';

export type CleRecette = string | { env: string };

export interface CfaRecette {
  cle?: CleRecette;
  siret?: string;
  uai?: string;
  dossiersEngages?: string[];
}

/** Reference data the scenarios need from the OPCO (templates `{{recette.<name>}}`). */
export interface ReferentielsRecette {
  certificationsActives?: string[];
  certificationInactive?: string;
  certificationNonEligible?: string;
  idcc?: string[];
  siretFerme?: string;
  siretInconnu?: string;
}

export interface Recette {
  version: 1;
  opco: string;
  profil?: string;
  cible?: string;
  capacites?: string[];
  statutNumeroInterneInconnu?: 400 | 404;
  particularites?: ParticularitesCible;
  oauth2?: { requis?: boolean; tokenUrl?: string; scope?: string };
  cfas?: CfaRecette[];
  referentiels?: ReferentielsRecette;
  limites?: { corpsMaxOctets?: number };
  codes?: Record<string, string[]>;
  delais?: { instruction?: string; paiement?: string };
}

/** A recette file that cannot be used; the message names the file and the JSON path (exit 2). */
export class RecetteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecetteError';
  }
}

/** A scenario needs a datum the recette does not declare: out of the declared scope (not applicable), not a finding. */
export class HorsRecetteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HorsRecetteError';
  }
}

export const recetteSchemaPath = (): string => join(packageRoot(), 'recettes', 'schema.json');
export const recetteDuProfilPath = (profil: string): string => join(packageRoot(), 'recettes', `${profil}.yaml`);

const validate = validateurParesseux(recetteSchemaPath);

export function parseRecette(text: string, file: string): Recette {
  return lireYamlValide(text, file, validate(), (message) => new RecetteError(message)) as Recette;
}

export function loadRecette(path: string, shown = path): Recette {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new RecetteError(`${shown}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseRecette(text, shown);
}

/**
 * The reference data of the mock's demo référentiel (mocks/data/referentiel.yaml, sirene.yaml): what a profile's
 * recette declares, so the scenarios run unchanged against the mock.
 */
export const REFERENTIELS_DU_MOCK: Required<Pick<ReferentielsRecette, 'certificationInactive' | 'certificationNonEligible' | 'siretFerme' | 'siretInconnu'>> = {
  certificationInactive: 'RNCP24440',
  certificationNonEligible: 'RNCP99901',
  siretFerme: '51234567900017',
  siretInconnu: '49100000100009',
};

/** A mock profile as a recette: its capabilities, quirks and the mock's reference data; keys come from the command line. */
export function recetteDuProfil(profile: OpcoProfile): Recette {
  const particularites: ParticularitesCible = { ...ecartsALaNorme(profile), ...(profile.etatRupture !== 'RUPTURE' ? { etatRupture: profile.etatRupture } : {}) };
  return {
    version: 1,
    opco: profile.nom,
    profil: profile.id,
    capacites: [...profile.versions, ...profile.capabilities],
    statutNumeroInterneInconnu: profile.unknownNumeroInterneStatus as 400 | 404,
    ...(Object.keys(particularites).length > 0 ? { particularites } : {}),
    ...(profile.oauth2Required || profile.oauth2Scope ? { oauth2: { requis: profile.oauth2Required, ...(profile.oauth2Scope ? { scope: profile.oauth2Scope } : {}) } } : {}),
    referentiels: { ...REFERENTIELS_DU_MOCK },
  };
}

/** The YAML text of a profile's recette file (recettes/<profil>.yaml), as `test opco --profile` uses it. */
export function recetteDuProfilYaml(profile: OpcoProfile): string {
  const header = `# Recette of the mock's profile « ${profile.id} » (generated from mocks/profiles.yaml: do not edit; see recettes/exemple.yaml).\n# Same as: convergence test opco --profile ${profile.id}\n`;
  return `${header}${stringify(recetteDuProfil(profile), { lineWidth: 0 })}`;
}

/** A key as given in the file: its value, or the environment variable it names (an error when unset). */
export function cleDe(cle: CleRecette | undefined, env: NodeJS.ProcessEnv, where: string): string | undefined {
  if (cle === undefined) return undefined;
  if (typeof cle === 'string') return cle;
  const value = env[cle.env];
  if (value === undefined || value === '') throw new RecetteError(`${where}: the environment variable ${cle.env} is not set`);
  return value;
}

/** The OPCO's codes read as the norm's: { ERR_IBAN: 'IBAN_ABSENT' }. */
export function codesVersLaNorme(codes: Recette['codes']): Map<string, string> {
  const map = new Map<string, string>();
  for (const [norme, propres] of Object.entries(codes ?? {})) for (const code of propres) map.set(code, norme);
  return map;
}
