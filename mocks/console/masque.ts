// What the console shows of personal data: masked by field name (NIR, IBAN, birth date, names), then by shape anywhere.
import { redactBody, redactFields, scrubValue } from '../../reports/suite/scrub.js';

/** A JSON value as the console may show it: the project's redaction (reports/suite/scrub.ts), field names then shapes. */
export function masque<T>(value: T): T {
  return scrubValue(redactFields(value)) as T;
}

/** A body a client sent: parsed JSON masked by field; anything else (text, a form, bytes) masked whole or by field. */
export function masqueCorpsRecu(body: unknown): unknown {
  const redacted = redactBody(body, 'mask');
  if (typeof redacted === 'string') {
    try {
      return scrubValue(JSON.parse(redacted));
    } catch {
      return scrubValue(redacted);
    }
  }
  return scrubValue(redacted);
}
