// OAuth2 client_credentials for the server suite: fetches the software's bearer token once, refreshes it when it expires or is refused.
import { TargetUnreachableError } from './transport.js';

/** The software's OAuth2 client, as an OPCO that requires a bearer next to X-API-KEY issues it (research §1.2). */
export interface OAuth2Client {
  /** Token endpoint, e.g. `https://api.opco.fr/ApiEchangeCFA/oauth/token`. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Sent when set (AKTO uses `.default`, others `api.read api.write`, OPCO EP none). */
  scope?: string;
}

/** The token endpoint refused the client or answered something unusable: a tool or input error (exit 2), not a finding. */
export class OAuthTokenError extends TargetUnreachableError {
  constructor(message: string) {
    super(message);
    this.name = 'OAuthTokenError';
  }
}

/** Hands out a valid bearer token; one request to the token endpoint per lifetime of a token. */
export class TokenSource {
  private current: { value: string; expiresAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly client: OAuth2Client,
    private readonly fetchFn: typeof fetch = fetch,
    private readonly timeoutMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** A token valid for at least 30 more seconds, fetched when needed (concurrent callers share one request). */
  async token(): Promise<string> {
    if (this.current && this.current.expiresAt - 30_000 > this.now()) return this.current.value;
    this.pending ??= this.fetchToken().finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** Forgets the token (the server answered 401 with it): the next call fetches a new one. */
  invalidate(): void {
    this.current = undefined;
  }

  private async fetchToken(): Promise<string> {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: this.client.clientId, client_secret: this.client.clientSecret });
    if (this.client.scope) form.set('scope', this.client.scope);
    let res: Response;
    try {
      res = await this.fetchFn(this.client.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      throw new OAuthTokenError(`OAuth2 token endpoint ${this.client.tokenUrl} unreachable: ${cause?.code ?? (error as Error).message}`);
    }
    const text = await res.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Described below by status.
    }
    if (!res.ok) {
      // The error fields of RFC 6749 §5.2, never the secret we sent.
      const why = [body.error, body.error_description].filter((v) => typeof v === 'string').join(': ');
      throw new OAuthTokenError(`OAuth2 token endpoint ${this.client.tokenUrl} answered ${res.status}${why ? ` (${why})` : ''}: check --client-id and the client secret`);
    }
    const value = body.access_token;
    if (typeof value !== 'string' || value === '') throw new OAuthTokenError(`OAuth2 token endpoint ${this.client.tokenUrl} answered without access_token`);
    const expiresIn = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 300;
    this.current = { value, expiresAt: this.now() + expiresIn * 1000 };
    return value;
  }
}
