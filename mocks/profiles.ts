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

export interface OpcoProfile {
  id: string;
  nom: string;
  versions: string[];
  capabilities: Capability[];
  unknownNumeroInterneStatus: 404 | 400;
  oauth2Required: boolean;
  oauth2Scope?: string;
  etatRupture: 'RUPTURE' | 'RUPTU';
}

export type ProfileOverride = Partial<Omit<OpcoProfile, 'id'>>;

interface ProfilesFile {
  defaults: Omit<OpcoProfile, 'id' | 'nom'>;
  profiles: Record<string, ProfileOverride & { nom: string }>;
}

let cached: Map<string, OpcoProfile> | undefined;

/** The bundled profiles, keyed by OPCO id (`norme` plus the 11 OPCOs). */
/**
 * Which OPCO a request path is for, and the path after it: `/akto/v2/dossiers` → akto and `/v2/dossiers`; a path
 * whose first segment names no profile (`/v2/dossiers`) is the default OPCO's, whole. `path`: decoded, no query.
 */
export function opcoOfPath(profiles: ReadonlyMap<string, unknown>, defaultOpco: string, path: string): { opco: string; rest: string } {
  const first = path.split('/')[1] ?? '';
  if (first === '' || !profiles.has(first)) return { opco: defaultOpco, rest: path };
  return { opco: first, rest: path.slice(first.length + 1) || '/' };
}

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
    result.set(id, { ...file.defaults, ...profile, id });
  }
  return result;
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
