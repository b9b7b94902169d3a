// PostgreSQL store addresses: recognising a `postgres://` URL, taking the store's own `schema=` out of it, hiding its password.

/** `postgres://…` or `postgresql://…` (what libpq and node-postgres accept, and what DATABASE_URL usually holds). */
export const isPostgresUrl = (spec: string): boolean => /^postgres(ql)?:\/\//i.test(spec.trim());

/** Schema the store's tables live in when the URL names none: never `public`, where an application's tables may be. */
export const DEFAULT_PG_SCHEMA = 'convergence_mock';

/**
 * Splits `postgres://…?schema=name` into the connection string node-postgres gets (without `schema`, a parameter of
 * this store, unknown to PostgreSQL) and the schema. The URL is not parsed as a WHATWG URL: libpq's forms such as
 * `postgresql://user@/db?host=/run/postgresql` (a Unix socket) have no host part, which `new URL` refuses.
 */
export function splitPostgresUrl(url: string): { connectionString: string; schema: string | undefined } {
  const at = url.indexOf('?');
  if (at < 0) return { connectionString: url, schema: undefined };
  const params = new URLSearchParams(url.slice(at + 1));
  const schema = params.get('schema') ?? undefined;
  params.delete('schema');
  const rest = params.toString();
  return { connectionString: rest ? `${url.slice(0, at)}?${rest}` : url.slice(0, at), schema };
}

/** The URL as it may be printed or logged: the password, in the user part or as a parameter, replaced by `***`. */
export function redactPostgresUrl(url: string): string {
  return url
    .replace(/^(postgres(?:ql)?:\/\/[^:@/?#]*):[^@/?#]*@/i, '$1:***@')
    .replace(/([?&]password=)[^&#]*/gi, '$1***');
}
