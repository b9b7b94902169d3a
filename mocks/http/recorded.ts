// What the console's log and the certification recorder keep of an exchange: the headers they name, the body parsed when JSON.

/** A header's value as text, a repeated one joined with `, ` (as HTTP folds it); undefined when absent. */
export function headerText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** The named headers present, as text. */
export function pickHeaders(headers: Record<string, unknown>, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = headerText(headers[name]);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** A payload as recorded: parsed when it is JSON, the text otherwise, undefined when empty or not text. */
export function parsedPayload(payload: unknown): unknown {
  const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : undefined;
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
