// Redaction of what the mock logs or shows in its admin state, through the project's one redaction helper.
import { redact } from '../conformance/identifiers/index.js';

/** An API key or token as it may appear in a log: `demo…`. */
export function redactSecret(value: string | undefined): string {
  return value ? redact('cle', value) : '';
}

export function redactIban(value: string): string {
  return redact('iban', value);
}
