// The replay command of an exchange in reports: a curl whose credentials are shell variables, never their values.

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Bodies longer than this are not inlined: the command must stay pasteable. */
const MAX_INLINE_BODY = 4000;

/**
 * A curl command replaying the request: the key as `$API_KEY` and the bearer as `$TOKEN`, in double quotes so the
 * shell expands them; `body` is given already masked by the caller.
 */
export function curlFor(method: string, url: string, headers: Record<string, string>, body: string | undefined): string {
  const parts = ['curl', '-sS', '-X', method, shellQuote(url)];
  for (const [name, value] of Object.entries(headers)) {
    const shown = name.toLowerCase() === 'x-api-key' ? '$API_KEY' : name.toLowerCase() === 'authorization' ? 'Bearer $TOKEN' : value;
    parts.push('-H', name.toLowerCase() === 'x-api-key' || name.toLowerCase() === 'authorization' ? `"${name}: ${shown}"` : shellQuote(`${name}: ${shown}`));
  }
  if (body !== undefined) {
    if (body.length > MAX_INLINE_BODY) parts.push('--data-binary', `@body.json  # corps de ${body.length} octets, non reproduit`);
    else parts.push('--data-binary', shellQuote(body));
  }
  return parts.join(' ');
}
