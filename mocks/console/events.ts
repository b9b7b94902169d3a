// Server-sent events of the console: one-time tickets, the streams, and who receives which event.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';
import { MockProblem } from '../errors.js';
import type { ConsoleEvent, Viewer } from './types.js';

/** A ticket opens one stream, once, within this time: the EventSource URL carries it, never a credential. */
const TICKET_MS = 30_000;
/** A comment line this often keeps proxies and the browser from closing an idle stream. */
const HEARTBEAT_MS = 20_000;

interface Stream {
  viewer: Viewer;
  raw: ServerResponse;
}

export class ConsoleEvents {
  private readonly tickets = new Map<string, { viewer: Viewer; expires: number }>();
  private readonly streams = new Set<Stream>();
  private heartbeat: NodeJS.Timeout | undefined;

  /** Called with the number of open streams whenever it changes (the live log captures only while it is not 0). */
  constructor(private readonly onWatchers: (count: number) => void) {}

  ticket(viewer: Viewer): { ticket: string; expiresInMs: number } {
    const now = Date.now();
    for (const [id, t] of this.tickets) if (t.expires <= now) this.tickets.delete(id);
    const ticket = randomBytes(18).toString('base64url');
    this.tickets.set(ticket, { viewer, expires: now + TICKET_MS });
    return { ticket, expiresInMs: TICKET_MS };
  }

  /** Opens a stream for a valid ticket (consumed here), or throws the 401 problem naming it. */
  open(ticket: string | undefined, reply: FastifyReply): void {
    const found = ticket ? this.tickets.get(ticket) : undefined;
    if (ticket) this.tickets.delete(ticket);
    if (!found || found.expires <= Date.now()) {
      throw new MockProblem('ADMIN_NON_AUTORISE', 'Ticket de flux absent, déjà utilisé ou expiré : demandez-en un autre (POST /_console/api/ticket)', [
        { code: 'ADMIN_NON_AUTORISE', description: 'Ticket de flux invalide', champ: 'ticket' },
      ]);
    }
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    raw.write('retry: 2000\n\n');
    const stream: Stream = { viewer: found.viewer, raw };
    this.streams.add(stream);
    raw.on('close', () => {
      this.streams.delete(stream);
      this.changed();
    });
    this.write(stream, { name: 'pret', data: { at: new Date().toISOString() } });
    this.changed();
  }

  publish(event: ConsoleEvent): void {
    for (const stream of this.streams) {
      const v = stream.viewer;
      if (v.admin || event.everyone || (event.cfa !== undefined && event.cfa === v.cfa && (event.opco === undefined || v.opcos.includes(event.opco)))) this.write(stream, event);
    }
  }

  get watchers(): number {
    return this.streams.size;
  }

  /** Ends every stream (the app is closing). */
  close(): void {
    for (const stream of this.streams) stream.raw.end();
    this.streams.clear();
    this.changed();
  }

  private write(stream: Stream, event: ConsoleEvent): void {
    stream.raw.write(`event: ${event.name}\ndata: ${JSON.stringify(event.data)}\n\n`);
  }

  private changed(): void {
    if (this.streams.size > 0 && !this.heartbeat) {
      this.heartbeat = setInterval(() => {
        for (const stream of this.streams) stream.raw.write(': ping\n\n');
      }, HEARTBEAT_MS);
      this.heartbeat.unref();
    } else if (this.streams.size === 0 && this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = undefined;
    }
    this.onWatchers(this.streams.size);
  }
}
