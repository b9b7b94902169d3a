// The suite's OAuth2 token source: one token per lifetime, refreshed when expired or refused, errors that name no secret.
import { describe, expect, it } from 'vitest';
import { OAuthTokenError, TokenSource } from './oauth.js';
import { TargetUnreachableError } from './transport.js';

const CLIENT = { tokenUrl: 'https://opco.example/oauth/token', clientId: 'editeur-1', clientSecret: 's3cr3t-value', scope: '.default' };

function tokenServer(answers: (() => Response)[]): { fetch: typeof fetch; calls: URLSearchParams[] } {
  const calls: URLSearchParams[] = [];
  const fetchFn = (async (_url: string | URL | Request, init?: RequestInit) => {
    calls.push(new URLSearchParams(String(init?.body)));
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next();
  }) as typeof fetch;
  return { fetch: fetchFn, calls };
}

const ok = (token: string, expiresIn = 3600) => () => Response.json({ access_token: token, token_type: 'Bearer', expires_in: expiresIn });

describe('TokenSource', () => {
  it('sends client_credentials with the scope, then reuses the token while it is valid', async () => {
    const server = tokenServer([ok('tok-1')]);
    const tokens = new TokenSource(CLIENT, server.fetch);
    expect(await tokens.token()).toBe('tok-1');
    expect(await tokens.token()).toBe('tok-1');
    expect(server.calls).toHaveLength(1);
    expect(Object.fromEntries(server.calls[0]!)).toEqual({ grant_type: 'client_credentials', client_id: 'editeur-1', client_secret: 's3cr3t-value', scope: '.default' });
  });

  it('shares one request between concurrent callers', async () => {
    const server = tokenServer([ok('tok-1')]);
    const tokens = new TokenSource(CLIENT, server.fetch);
    expect(await Promise.all([tokens.token(), tokens.token(), tokens.token()])).toEqual(['tok-1', 'tok-1', 'tok-1']);
    expect(server.calls).toHaveLength(1);
  });

  it('fetches a new token 30 s before expiry and after invalidate()', async () => {
    let now = 1_000_000;
    const server = tokenServer([ok('tok-1', 60), ok('tok-2', 60), ok('tok-3', 60)]);
    const tokens = new TokenSource(CLIENT, server.fetch, 1000, () => now);
    expect(await tokens.token()).toBe('tok-1');
    now += 29_000;
    expect(await tokens.token()).toBe('tok-1');
    now += 2_000;
    expect(await tokens.token()).toBe('tok-2');
    tokens.invalidate();
    expect(await tokens.token()).toBe('tok-3');
  });

  it('reports a refused client as a tool error naming the endpoint and the OAuth2 error, never the secret', async () => {
    const server = tokenServer([() => Response.json({ error: 'invalid_client', error_description: 'bad credentials' }, { status: 401 })]);
    const error = await new TokenSource(CLIENT, server.fetch).token().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthTokenError);
    expect(error).toBeInstanceOf(TargetUnreachableError);
    expect((error as Error).message).toMatch(/oauth\/token answered 401 \(invalid_client: bad credentials\)/);
    expect((error as Error).message).not.toContain('s3cr3t');
  });

  it('rejects an answer without access_token', async () => {
    const server = tokenServer([() => Response.json({ token_type: 'Bearer' })]);
    await expect(new TokenSource(CLIENT, server.fetch).token()).rejects.toThrow(/without access_token/);
  });
});
