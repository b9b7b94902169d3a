// Helpers for the NIR coherence rules: the apprentice's NIR when usable, and a NIR rewritten with its key kept right.
import { isWellFormedNir, nirKey } from '../../identifiers/index.js';
import type { Cerfa } from '../../model/payloads.js';

/** The apprentice's NIR when well formed, else undefined (nir-format and cerfa-nir-obligatoire report those). */
export function nirApprenti(cerfa: Cerfa): string | undefined {
  const nir: unknown = cerfa.apprenti?.nir;
  return typeof nir === 'string' && isWellFormedNir(nir) ? nir : undefined;
}

/** Replaces characters [from, from + part.length) of a NIR and recomputes the key when there is one. */
export function remplacerDansNir(nir: string, from: number, part: string): string {
  const corps = nir.slice(0, from) + part + nir.slice(from + part.length, 13);
  return nir.length === 15 ? corps + nirKey(corps) : corps;
}
