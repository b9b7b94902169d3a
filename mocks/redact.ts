// Redaction of what the mock logs, records or shows in its admin state, through the project's one redaction helper.
import { redact } from '../conformance/identifiers/index.js';
import { redactBody } from '../reports/suite/scrub.js';

/** An API key or token as it may appear in a log: `demo…`. */
export function redactSecret(value: string | undefined): string {
  return value ? redact('cle', value) : '';
}

export function redactIban(value: string): string {
  return redact('iban', value);
}

const JSON_TYPE = /^application\/([\w.+-]*\+)?json\s*(;|$)/i;

/**
 * A request body as the mock may keep it: parsed from a JSON Content-Type it is kept whole (the judge checks its
 * values, the engine stores it anyway); under any other type (a form, text, none, bytes) nothing reads it, so it is
 * kept redacted field by field when it parses as JSON or as a form, masked whole (its length only) otherwise.
 */
export function receivedBody(body: unknown, contentType: string | undefined): unknown {
  if (body === undefined || body === null) return body;
  const parsedAsJson = contentType !== undefined && JSON_TYPE.test(contentType) && typeof body === 'object' && !(body instanceof Uint8Array);
  return parsedAsJson ? body : redactBody(body, 'mask');
}
