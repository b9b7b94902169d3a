// Defensive redaction applied by every suite renderer: whatever the producer missed, no NIR, IBAN, name, birth date or key leaves.
import { redact } from '../../conformance/identifiers/index.js';
import { personalKind } from '../../conformance/engine/redaction.js';
import type { EvidenceRequest, EvidenceResponse, SuiteReport } from './model.js';

// NIR: sex digit, then 12 digits (département may be 2A/2B), optionally the 2-digit key; spaces, dots or dashes
// between groups. Digit lookarounds instead of \b so `nir185…` or `"185…"` inside any text is caught too; a
// SIRET (14 digits) matches neither length.
const NIR = /(?<![0-9])[1-478](?:[ .-]?[0-9]){4}[ .-]?(?:[0-9]{2}|2[AaBb])(?:[ .-]?[0-9]){6}(?:[ .-]?[0-9]{2})?(?![0-9])/g;
// IBAN: country letters, check digits, 11 to 30 alphanumerics with optional spaces every four characters.
const IBAN = /(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?:[ ]?[A-Z0-9]){11,30}(?![A-Za-z0-9])/g;
// A credential header written inline (`-H 'X-API-KEY: …'`, `Authorization: Bearer …`) in a curl or a message.
const INLINE_SECRET = /\b(x-api-key|authorization|proxy-authorization|cookie|set-cookie)(\s*[:=]\s*)([^'"\r\n,}]+)/gi;

// A query parameter in a URL or a curl (`appairage?nom=…&dateNaissance=…`): masked when its name is personal.
const QUERY_PARAM = /([?&])([A-Za-z_]+)=([^&#\s'"<>]*)/g;

function maskParam(match: string, sep: string, name: string, value: string): string {
  const kind = value === '' ? undefined : personalKind(name);
  if (kind === undefined) return match;
  let decoded = value;
  try {
    decoded = decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    // Malformed escapes: masked as they are.
  }
  return `${sep}${name}=${encodeURIComponent(redact(kind, decoded)).replace(/%2A/g, '*')}`;
}

const SECRET_HEADERS = new Set(['x-api-key', 'authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/** Keeps a shell variable or an already masked value readable, masks anything else past its first characters. */
function maskSecret(value: string): string {
  const v = value.trim();
  if (v === '' || v.startsWith('$') || v.endsWith('…') || /^\*+$/.test(v)) return value;
  const scheme = /^(Bearer|Basic|Token|ApiKey)\s+(.+)$/i.exec(v);
  if (scheme !== null) return `${scheme[1]} ${maskSecret(scheme[2] ?? '')}`;
  return redact('cle', v);
}

/** Masks NIR- and IBAN-shaped substrings, inline credentials and personal query parameters in free text. */
export function scrubString(text: string): string {
  return text
    .replace(INLINE_SECRET, (_m, name: string, sep: string, value: string) => `${name}${sep}${maskSecret(value)}`)
    .replace(QUERY_PARAM, maskParam)
    .replace(NIR, (m) => redact('nir', m))
    .replace(IBAN, (m) => redact('iban', m));
}

/** A deep copy of a JSON value with every string (and NIR-long number) scrubbed. */
export function scrubValue(value: unknown): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (typeof value === 'number') {
    const text = String(value);
    const clean = scrubString(text);
    return clean === text ? value : clean;
  }
  if (Array.isArray(value)) return value.map(scrubValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = scrubValue(item);
    return out;
  }
  return value;
}

export function scrubHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? maskSecret(String(value)) : scrubString(String(value));
  }
  return out;
}

/**
 * Masks a JSON body's values by field name (nom, prénom, date de naissance, NIR, IBAN, courriel, téléphone): names
 * and birth dates have no recognisable shape, only their field says what they are. Idempotent on masked values.
 */
export function redactFields(value: unknown, path = ''): unknown {
  if (Array.isArray(value)) return value.map((v, i) => redactFields(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactFields(v, path === '' ? k : `${path}.${k}`)]));
  }
  if (typeof value === 'string' || typeof value === 'number') {
    const kind = personalKind(path);
    if (kind !== undefined) return redact(kind, String(value));
  }
  return value;
}

function scrubExchange<T extends EvidenceRequest | EvidenceResponse>(exchange: T): T {
  const { headers, body, ...rest } = exchange;
  const out = { ...(scrubValue(rest) as object), headers: scrubHeaders(headers) } as T;
  if (body !== undefined) out.body = scrubValue(redactFields(body));
  return out;
}

/** The report every renderer works from: same shape, personal values and credentials masked. */
export function scrubReport(report: SuiteReport): SuiteReport {
  const copy = scrubValue(report) as SuiteReport;
  // Header values need the name-aware pass (a key has no recognisable shape), so exchanges are redone from the source.
  copy.rules = report.rules.map((rule, i) => ({
    ...(copy.rules[i] as SuiteReport['rules'][number]),
    evidence: rule.evidence.map((ev, j) => {
      const scrubbed = copy.rules[i]!.evidence[j]!;
      const out = { ...scrubbed, request: scrubExchange(ev.request) };
      if (ev.response !== undefined) out.response = scrubExchange(ev.response);
      return out;
    }),
  }));
  return copy;
}
