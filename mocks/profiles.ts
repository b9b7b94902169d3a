// Loads the per-OPCO profiles (mocks/profiles.yaml): versions, capabilities and quirks of each of the 11 OPCOs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, sep } from 'node:path';
import { parse } from 'yaml';

export const CAPABILITIES = [
  'dossiers',
  'rupture',
  'factures',
  'facturesEtats',
  'conventions',
  'certificats',
  'documents',
  'cfakeyinfo',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const OPCO_IDS = [
  'akto',
  'atlas',
  'afdas',
  'constructys',
  'ocapiat',
  'opco2i',
  'opcoep',
  'opcommerce',
  'mobilites',
  'sante',
  'uniformation',
] as const;

/** The OPCO served at the root paths. */
export const DEFAULT_OPCO = 'norme';

/**
 * How an OPCO's answers depart from the norm on the wire (issue 12 §4, wire-format.md §2); the defaults are the
 * norm. mocks/profiles.yaml gives each one's source (`particularites`) and why a profile departs (`sources`).
 */
export interface Particularites {
  /** Status of a successful deposit (POST /dossiers). */
  depotStatus: 201 | 200;
  /** A top-level member beside `errors[]` carrying the problem's detail: Atlas `description`, OPCO EP `comment`. */
  erreurDescriptionRacine: 'none' | 'description' | 'comment';
  /** The dossier read model names the employer `employeurV2` instead of `employeur`. */
  employeurV2: boolean;
  /** The `etats` pages (dossiers and factures) come wrapped in a one-element array. */
  pageEtatsEnveloppeTableau: boolean;
  /** Frais annexes natures as codes (`RESTAURATION`) or capitalised words (`Restauration`, `Premierequipement`). */
  naturesFraisCasse: 'codes' | 'mots';
  /** Dates of the CERFA in dossier read models: `2026-09-01` or `2026-09-01T00:00:00Z`. */
  formeDates: 'date' | 'date-time';
}

export const PARTICULARITES = [
  'depotStatus',
  'erreurDescriptionRacine',
  'employeurV2',
  'pageEtatsEnveloppeTableau',
  'naturesFraisCasse',
  'formeDates',
] as const satisfies readonly (keyof Particularites)[];
export type Particularite = (typeof PARTICULARITES)[number];

/** The norm's value of every quirk (what `norme` and any profile that does not say otherwise answer). */
export const PARTICULARITES_NORME: Particularites = {
  depotStatus: 201,
  erreurDescriptionRacine: 'none',
  employeurV2: false,
  pageEtatsEnveloppeTableau: false,
  naturesFraisCasse: 'codes',
  formeDates: 'date',
};

export interface OpcoProfile extends Particularites {
  id: string;
  nom: string;
  versions: string[];
  capabilities: Capability[];
  unknownNumeroInterneStatus: 404 | 400;
  oauth2Required: boolean;
  oauth2Scope?: string;
  etatRupture: 'RUPTURE' | 'RUPTU';
  /**
   * CDV-15/16: the OPCO decides within this delay from receipt (ISO 8601 duration, 20 days by the Code du travail);
   * a dossier still undecided then reads REFUSE (the silence is a refusal). Absent: no deadline.
   */
  delaiDecisionMaximal?: string;
  /** This OPCO's own time to decide (ISO 8601), instead of the config's `delais.decision`; past the deadline it is silence. */
  delaiDecision?: string;
  /**
   * Seed 003 "Annulé — contrat non commencé": an engaged contract with no sign of execution (no accepted invoice,
   * certificat de réalisation or rupture) this long after its start date (ISO 8601) reads ANNULE. Absent: never.
   */
  delaiAnnulationNonCommence?: string;
  /** Why this profile departs from the norm on a quirk (mocks/profiles.yaml). */
  sources?: Partial<Record<Particularite, string>>;
}

export type ProfileOverride = Partial<Omit<OpcoProfile, 'id'>>;

/** A quirk as documented in mocks/profiles.yaml: the values it takes and the source that shows it. */
export interface ParticulariteDocumentee {
  valeurs: readonly (string | number | boolean)[];
  source: string;
}

interface ProfilesFile {
  particularites: Record<Particularite, ParticulariteDocumentee>;
  defaults: Omit<OpcoProfile, 'id' | 'nom'>;
  profiles: Record<string, ProfileOverride & { nom: string }>;
}

let cached: Map<string, OpcoProfile> | undefined;

/**
 * Which OPCO a request path is for, and the path after it: `/akto/v2/dossiers` → akto and `/v2/dossiers`; a path
 * whose first segment names no profile (`/v2/dossiers`) is the default OPCO's, whole. `path`: decoded, no query.
 */
export function opcoOfPath(profiles: ReadonlyMap<string, unknown>, defaultOpco: string, path: string): { opco: string; rest: string } {
  const first = path.split('/')[1] ?? '';
  if (first === '' || !profiles.has(first)) return { opco: defaultOpco, rest: path };
  return { opco: first, rest: path.slice(first.length + 1) || '/' };
}

/** The bundled profiles, keyed by OPCO id (`norme` plus the 11 OPCOs). */
export function bundledProfiles(): Map<string, OpcoProfile> {
  if (!cached) {
    cached = parseProfiles(readFileSync(mocksAsset('profiles.yaml'), 'utf8'));
  }
  return new Map(cached);
}

/** Path of a data file kept in the source folder `mocks/`, from the sources or from the build (`dist/mocks/`). */
export function mocksAsset(relative: string): string {
  const here = fileURLToPath(import.meta.url);
  const marker = `${sep}dist${sep}mocks${sep}`;
  const root = here.includes(marker) ? here.slice(0, here.indexOf(marker)) : here.slice(0, here.lastIndexOf(`${sep}mocks${sep}`));
  return join(root, 'mocks', relative);
}

export function parseProfiles(text: string): Map<string, OpcoProfile> {
  const file = parse(text) as ProfilesFile;
  const result = new Map<string, OpcoProfile>();
  for (const [id, profile] of Object.entries(file.profiles)) {
    result.set(id, { ...PARTICULARITES_NORME, ...file.defaults, ...profile, id });
  }
  return result;
}

/** The quirks' documentation of mocks/profiles.yaml: values and source of each (the suite reports them). */
export function bundledParticularites(): Record<Particularite, ParticulariteDocumentee> {
  return (parse(readFileSync(mocksAsset('profiles.yaml'), 'utf8')) as ProfilesFile).particularites;
}

/** The quirks of a profile where it departs from the norm, e.g. `{ formeDates: 'date-time' }` for AKTO. */
export function ecartsALaNorme(profile: Particularites): Partial<Particularites> {
  const ecarts: Partial<Record<Particularite, unknown>> = {};
  for (const name of PARTICULARITES) if (profile[name] !== PARTICULARITES_NORME[name]) ecarts[name] = profile[name];
  return ecarts as Partial<Particularites>;
}

/** Applies the overrides of a tenant config (`opcos:` section) on top of the bundled profiles. */
export function withOverrides(profiles: Map<string, OpcoProfile>, overrides: Record<string, ProfileOverride> = {}): Map<string, OpcoProfile> {
  const result = new Map(profiles);
  for (const [id, override] of Object.entries(overrides)) {
    const base = result.get(id) ?? { ...(profiles.get(DEFAULT_OPCO) as OpcoProfile), id, nom: id };
    result.set(id, { ...base, ...override, id });
  }
  return result;
}
