// Recognises which payload a record is (CERFA, facture, convention, certificat) from the fields only it carries.
import type { PayloadKind } from '../model/payloads.js';

export const PAYLOAD_KINDS: readonly PayloadKind[] = ['cerfa', 'facture', 'convention', 'certificat'];

export function isPayloadKind(value: unknown): value is PayloadKind {
  return typeof value === 'string' && (PAYLOAD_KINDS as readonly string[]).includes(value);
}

/**
 * The payload's kind, or undefined when no signature matches. Order matters: a convention also carries
 * `apprenti` and `contrat`, so its `couts` is tested before the CERFA's pair.
 */
export function detectKind(payload: unknown): PayloadKind | undefined {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return undefined;
  const p = payload as Record<string, unknown>;
  // An invoice missing its number is still an invoice (the schema check names the missing member).
  if ('lignes' in p && ('numeroInterneFacture' in p || 'dateFacture' in p || 'montantTotal' in p)) return 'facture';
  if ('couts' in p) return 'convention';
  if ('typeCertificat' in p) return 'certificat';
  // The deposit body as the wire carries it, `{"cerfa": …}`, or the bare CERFA a payload file may hold.
  if (p.cerfa !== null && typeof p.cerfa === 'object' && !Array.isArray(p.cerfa)) return 'cerfa';
  if ('apprenti' in p && 'contrat' in p) return 'cerfa';
  return undefined;
}
