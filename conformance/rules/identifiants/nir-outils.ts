// Helpers for the NIR coherence rules: read the apprentice's NIR, and rewrite one part of it keeping its key right.
import { nirKey, parseNir, type NirParts } from '../../identifiers/index.js';
import { lire } from './champs.js';
import { NIR_APPRENTI } from './chemins.js';

/** The apprentice's NIR parts, or null when absent or malformed (nir-format and cerfa-nir-obligatoire report those). */
export function nirApprenti(payload: unknown): NirParts | null {
  const v = lire(payload, NIR_APPRENTI);
  return typeof v === 'string' ? parseNir(v) : null;
}

/** Replaces characters [from, from + part.length) of a NIR and recomputes the key when there is one. */
export function remplacerDansNir(nir: string, from: number, part: string): string {
  const corps = nir.slice(0, from) + part + nir.slice(from + part.length, 13);
  return nir.length === 15 ? corps + nirKey(corps) : corps;
}
