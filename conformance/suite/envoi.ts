// Sends a scenario's requests as an OPCO client would: the bearer token, one refresh on 401, a 429 waited out and resent.
import { valueAt } from '../rules/serveur/support.js';
import type { JugeDesEchanges } from './judging.js';
import { reponseALaNorme } from './particularites.js';
import { ATTENTE_MAX_429_MS, attenteRetryAfter, MAX_RENVOIS_429, noteRenvois, type Renvoi429 } from './retry.js';
import type { Step } from './scenario.js';
import type { Response, Transport } from './transport.js';
import type { RunOptions, Target } from './types.js';

/** A step that asks for a 429 (expects it, or sends `Prefer: code=429`) judges it: it is not resent. */
const demande429 = (step: Step, headers: Record<string, string>): boolean =>
  /code=429/.test(headers.prefer ?? '') || (Array.isArray(step.expect?.status) ? step.expect.status : [step.expect?.status]).some((s) => String(s) === '429');

/** The reason a step is skipped when its request is still answered 429 after the bounded resends. */
export const toujours429 = (res: Response): string | undefined =>
  res.status === 429 && (res.renvois?.length ?? 0) >= MAX_RENVOIS_429 ? `toujours 429 après ${MAX_RENVOIS_429} renvois espacés comme annoncé (${noteRenvois(res.renvois!)})` : undefined;

/** A request body as recorded: parsed when it is JSON, else the text. */
function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export class Envoyeur {
  constructor(
    private readonly transport: Transport,
    private readonly target: Target,
    private readonly options: RunOptions,
    private readonly juge: JugeDesEchanges,
  ) {}

  /**
   * Sends a request as a client would: an expired token refreshed once; a 429 waited out as its `Retry-After`
   * announces (capped at 60 s and --max-wait; 1 s when absent) and resent, at most three times. Each 429 is judged
   * by the generic rules under `step` (a missing Retry-After is their finding), never by the step's expectations.
   * The answer comes back with the target's declared quirks read into the norm's form.
   */
  async send(method: string, path: string, headers: Record<string, string>, text: string | undefined, step?: Step): Promise<Response> {
    const renvois: Renvoi429[] = [];
    for (;;) {
      const res = await this.sendAuthorized(method, path, headers, text);
      if (res.status !== 429 || renvois.length >= MAX_RENVOIS_429 || (step && demande429(step, headers))) return this.aLaNorme(method, path, renvois.length > 0 ? { ...res, renvois } : res);
      if (step) this.juge.judge(step, this.juge.record(step, method, path, headers, text === undefined ? undefined : parsedOrText(text), res, undefined), text);
      const retryAfter = res.headers['retry-after'];
      const attenteMs = attenteRetryAfter(retryAfter, Date.now(), Math.min(ATTENTE_MAX_429_MS, this.options.maxWaitMs ?? Infinity));
      renvois.push({ ...(retryAfter !== undefined ? { retryAfter } : {}), attenteMs });
      await this.sleep(attenteMs);
    }
  }

  /** A body larger than the transport's usual buffers, sent once (its answer read into the norm's form). */
  async sendLarge(method: string, path: string, headers: Record<string, string>, text: string): Promise<Response> {
    await this.authorize(headers);
    return this.aLaNorme(method, path, await this.transport.sendLarge(method, `${this.target.url}${path}`, headers, text));
  }

  /** Sets the mock's clock through the admin API; answers the day it now reads. */
  async horloge(body: Record<string, string>): Promise<string | undefined> {
    const headers = { authorization: `Bearer ${this.target.adminToken}`, 'content-type': 'application/json' };
    const res = await this.transport.send('PUT', `${this.target.adminUrl ?? this.target.url}/_admin/clock`, headers, JSON.stringify(body));
    if (res.status !== 200) throw new Error(`horloge d'administration : ${res.status} ${JSON.stringify(res.body)}`);
    const now = valueAt(res.body, 'now');
    return typeof now === 'string' ? now.slice(0, 10) : undefined;
  }

  get sleep(): (ms: number) => Promise<void> {
    return this.options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  }

  private async sendAuthorized(method: string, path: string, headers: Record<string, string>, text: string | undefined): Promise<Response> {
    await this.authorize(headers);
    let res = await this.transport.send(method, `${this.target.url}${path}`, headers, text);
    // An expired or revoked token is refreshed once, as OPCO clients do (research §1.13: 401 → refresh once).
    if (res.status === 401 && this.options.tokens) {
      this.options.tokens.invalidate();
      delete headers.authorization;
      await this.authorize(headers);
      res = await this.transport.send(method, `${this.target.url}${path}`, headers, text);
    }
    return res;
  }

  /**
   * Adds the bearer token when the target requires OAuth2 (mutates `headers`, so the recorded exchange shows it
   * masked). Requests that test the key or the headers keep the token: only what they test is missing.
   */
  private async authorize(headers: Record<string, string>): Promise<void> {
    if (this.options.tokens && headers.authorization === undefined) headers.authorization = `Bearer ${await this.options.tokens.token()}`;
  }

  /** The answer with the target's declared quirks read back into the norm's form (particularites.ts). */
  private aLaNorme(method: string, path: string, res: Response): Response {
    const body = reponseALaNorme(method, path, res.status, res.body, this.target.particularites ?? {});
    return body === res.body ? res : { ...res, body };
  }
}
