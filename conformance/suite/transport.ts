// The suite's HTTP transport: one request as sent and its answer as received (JSON parsed when it parses), with the
// first request's failure reported as an unreachable target (exit 2) rather than a finding.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Renvoi429 } from './retry.js';

export interface Response {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** The 429 answers that came before this one, each waited out as announced (retry.ts). */
  renvois?: Renvoi429[];
}

/** The target could not be reached at all: a tool or input error (exit 2), not a finding. */
export class TargetUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetUnreachableError';
  }
}

/** Whether the run has had one answer yet: until then a network failure means the operator's target is wrong. */
export interface FirstAnswer {
  done: boolean;
}

function parsed(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    // Not JSON: kept as text, the rules say what they expected.
    return raw;
  }
}

export class Transport {
  constructor(
    private readonly fetch: typeof globalThis.fetch,
    private readonly timeoutMs: number,
    private readonly first: FirstAnswer,
  ) {}

  async send(method: string, url: string, headers: Record<string, string>, text: string | undefined): Promise<Response> {
    let res: globalThis.Response;
    try {
      res = await this.fetch(url, { method, headers, ...(text !== undefined ? { body: text } : {}), signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const message = `${method} ${url}: ${cause?.code ?? cause?.message ?? (error as Error).message}`;
      if (!this.first.done) throw new TargetUnreachableError(`cannot reach the target: ${message}`);
      throw new Error(message);
    }
    this.first.done = true;
    const body = parsed(await res.text());
    const out: Record<string, string> = {};
    res.headers.forEach((value, name) => (out[name] = value));
    return { status: res.status, headers: out, body };
  }

  /**
   * An oversized body, written in chunks so that a server refusing it early (413 on Content-Length, then closing)
   * is heard: fetch would report the closed socket (EPIPE) instead of the answer.
   */
  sendLarge(method: string, href: string, headers: Record<string, string>, text: string): Promise<Response> {
    const url = new URL(href);
    const body = Buffer.from(text);
    return new Promise<Response>((resolvePromise, reject) => {
      let answered = false;
      const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method, headers: { ...headers, 'content-length': String(body.length) }, timeout: this.timeoutMs }, (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const out: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
          this.first.done = true;
          resolvePromise({ status: res.statusCode ?? 0, headers: out, body: parsed(Buffer.concat(chunks).toString('utf8')) });
          req.destroy();
        });
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (answered) return;
        // The socket closed before any answer: wait a moment, the answer may still be parsed.
        setTimeout(() => (answered ? undefined : reject(new Error(`${method} ${url.href}: ${error.code ?? error.message}`))), 50);
      });
      const CHUNK = 64 * 1024;
      let offset = 0;
      const writeNext = (): void => {
        if (answered || req.destroyed) return;
        if (offset >= body.length) {
          req.end();
          return;
        }
        const slice = body.subarray(offset, offset + CHUNK);
        offset += CHUNK;
        req.write(slice, () => setImmediate(writeNext));
      };
      writeNext();
    });
  }
}
