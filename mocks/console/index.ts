// Registers the web console under /_console: two routes and two hooks at start; its code loads on the first request.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ConsoleSetting, ConsoleTap, LoadedConsole } from './types.js';

export type { ConsoleSetting, ConsoleTap } from './types.js';

/**
 * Adds /_console to the app. Nothing of the console is imported here (types only): its server, the engine views it
 * reads and its assets load when /_console is first requested, so the mock's start does not pay for them. Returns
 * the tap the app consults: while someone watches the live log, every request goes through Fastify to be seen.
 */
export function registerConsole(app: FastifyInstance, setting: ConsoleSetting): ConsoleTap {
  const tap: ConsoleTap = {};
  let loading: Promise<LoadedConsole> | undefined;
  const load = (): Promise<LoadedConsole> => {
    loading ??= import('./server.js').then(({ createConsole }) => createConsole(app, setting, tap));
    // A failed import is tried again on the next request rather than remembered.
    loading.catch(() => (loading = undefined));
    return loading;
  };
  const handler = async (request: FastifyRequest, reply: FastifyReply) => (await load()).handle(request, reply);
  app.route({ method: ['GET', 'POST', 'PUT', 'DELETE'], url: '/_console', handler });
  app.route({ method: ['GET', 'POST', 'PUT', 'DELETE'], url: '/_console/*', handler });
  // Callback hooks, no promise per request: they cost a property read while nobody watches.
  app.addHook('onSend', (request, reply, payload, done) => {
    tap.capture?.(request, reply, payload);
    done(null, payload);
  });
  // Open event streams would hold the server's close: they end first.
  app.addHook('preClose', (done) => {
    tap.close?.();
    done();
  });
  return tap;
}
