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

// A number under such a key is a time or a duration (`receivedAtMs`, `durationMs`), never a NIR, even 13 digits long.
const TIME_KEY = /(?:Ms|At)$/;

/** A deep copy of a JSON value with every string (and NIR-long number, times aside) scrubbed. */
export function scrubValue(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (typeof value === 'number') {
    if (TIME_KEY.test(key)) return value;
    const text = String(value);
    const clean = scrubString(text);
    return clean === text ? value : clean;
  }
  if (Array.isArray(value)) return value.map((item) => scrubValue(item));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) out[name] = scrubValue(item, name);
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

/** Deeper than any payload of the norm: a body nested further is masked whole rather than walked (stack depth). */
const MAX_BODY_DEPTH = 64;

/** Whether `value` nests deeper than `max` arrays or objects; iterative, so it never overflows itself. */
export function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(v as Record<string, unknown>)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** A JSON object or array written as text (a form key, a double-encoded field), or undefined when `text` is not one. */
function jsonText(text: string): object | undefined {
  // Most values are plain text: looked at once, without a copy.
  const first = text.charCodeAt(0);
  if (first !== 0x7b && first !== 0x5b && first !== 0x20 && first !== 0x09 && first !== 0x0a && first !== 0x0d) return undefined;
  const t = text.trim();
  if (t.length < 2 || !((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']')))) return undefined;
  try {
    const value: unknown = JSON.parse(t);
    return value !== null && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** What stands for a text masked whole: what it was and its length, never its content. */
export function maskedWhole(what: 'corps non JSON' | 'corps JSON trop imbriqué' | 'clé non JSON' | 'clé JSON trop imbriquée' | 'valeur JSON trop imbriquée', length: number): string {
  return `(${what} masqué${what.startsWith('corps') ? '' : 'e'} : ${length} caractères)`;
}

const MASKED_WHOLE = /^\((?:corps|clé|valeur)[^()]* masquée? : \d+ (?:caractères|octets|niveaux)\)$/;

// A field name as payloads spell them; anything else used as a key (a form body's raw text) may be the data itself.
const PLAIN_KEY = /^[\p{L}\p{N}_$@.:\[\]-]{1,64}$/u;

/** A key shown as it is when it is a field name, redacted as JSON when it is JSON text, masked whole otherwise. */
function redactKey(key: string, path: string): string {
  if (PLAIN_KEY.test(key) || MASKED_WHOLE.test(key)) return key;
  const json = jsonText(key);
  if (json !== undefined) return deeperThan(json, MAX_BODY_DEPTH) ? maskedWhole('clé JSON trop imbriquée', key.length) : JSON.stringify(redactFields(json, path));
  return maskedWhole('clé non JSON', key.length);
}

/**
 * Masks a JSON body's values by field name (nom, prénom, date de naissance, NIR, IBAN, courriel, téléphone): names
 * and birth dates have no recognisable shape, only their field says what they are. A key or a string value that is
 * itself JSON text (a form body's only key, a double-encoded payload) is redacted as JSON; a key that is neither a
 * field name nor JSON is masked whole. Idempotent on masked values.
 */
export function redactFields(value: unknown, path = ''): unknown {
  if (Array.isArray(value)) return value.map((v, i) => redactFields(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      let key = redactKey(k, path);
      // Two keys masked alike stay two entries.
      for (let n = 2; key !== k && Object.prototype.hasOwnProperty.call(out, key); n++) key = `${redactKey(k, path)} #${n}`;
      out[key] = redactFields(v, path === '' ? k : `${path}.${k}`);
    }
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number') {
    const kind = personalKind(path);
    if (kind !== undefined) return redact(kind, String(value));
    if (typeof value === 'string') {
      const json = jsonText(value);
      if (json !== undefined) return deeperThan(json, MAX_BODY_DEPTH) ? maskedWhole('valeur JSON trop imbriquée', value.length) : JSON.stringify(redactFields(json, path));
    }
  }
  return value;
}

/**
 * A request or response body redacted whatever the Content-Type it came under: parsed (an object, a form) it is
 * redacted field by field; text that parses as JSON is redacted as JSON and kept as text; text that does not parse is
 * masked whole (`unparsed: 'mask'`, what a client sent: its length only) or scrubbed of NIR/IBAN shapes
 * (`unparsed: 'scrub'`, an answer). Bytes that are not UTF-8 are masked whole.
 */
export function redactBody(body: unknown, unparsed: 'mask' | 'scrub' = 'mask'): unknown {
  if (body === undefined || body === null) return body;
  if (body instanceof Uint8Array) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      return `(corps binaire masqué : ${body.length} octets)`;
    }
    return redactBody(text, unparsed);
  }
  if (typeof body === 'string') {
    if (body.trim() === '' || MASKED_WHOLE.test(body)) return body;
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return unparsed === 'mask' ? maskedWhole('corps non JSON', body.length) : scrubString(body);
    }
    if (value !== null && typeof value === 'object') {
      return deeperThan(value, MAX_BODY_DEPTH) ? maskedWhole('corps JSON trop imbriqué', body.length) : JSON.stringify(redactFields(value));
    }
    // A JSON string alone may be anything (a name); numbers, booleans and null say nothing of a person.
    return typeof value === 'string' && unparsed === 'mask' ? maskedWhole('corps non JSON', body.length) : scrubString(body);
  }
  if (typeof body === 'object' && deeperThan(body, MAX_BODY_DEPTH)) return `(corps JSON trop imbriqué masqué : ${MAX_BODY_DEPTH} niveaux)`;
  return redactFields(body);
}

function scrubExchange<T extends EvidenceRequest | EvidenceResponse>(exchange: T, unparsed: 'mask' | 'scrub'): T {
  const { headers, body, ...rest } = exchange;
  const out = { ...(scrubValue(rest) as object), headers: scrubHeaders(headers) } as T;
  if (body !== undefined) out.body = scrubValue(redactBody(body, unparsed));
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
      const out = { ...scrubbed, request: scrubExchange(ev.request, 'mask') };
      if (ev.response !== undefined) out.response = scrubExchange(ev.response, 'scrub');
      return out;
    }),
  }));
  return copy;
}
