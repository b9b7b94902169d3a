// The mock's problem types (RFC 9457 `type`, `urn:convergence:probleme:<CODE>`): written by the mock, read back by the certification judge.
const URN = 'urn:convergence:probleme:';

/** The problem type of a code: `urn:convergence:probleme:CLE_API_INCONNUE`. */
export function typeProbleme(code: string): string {
  return `${URN}${code}`;
}

/** The code of a problem body whose `type` is one of the mock's; undefined for any other body. */
export function codeProbleme(body: unknown): string | undefined {
  const type = body !== null && typeof body === 'object' ? (body as { type?: unknown }).type : undefined;
  return typeof type === 'string' && type.startsWith(URN) ? type.slice(URN.length) : undefined;
}
