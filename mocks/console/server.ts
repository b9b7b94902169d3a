// The console, loaded on the first request to /_console: its routes (a table), the page, its assets and its API.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MockProblem } from '../errors.js';
import { assetFile, page, PAGE_HEADERS } from './assets.js';
import { detailDossier, listeDossiers } from './dossiers.js';
import { ConsoleEvents } from './events.js';
import { RequestLog, summary } from './log.js';
import { armerFaute, deplacerHorloge, desarmerFaute, Plays } from './pilotage.js';
import { detailSession, listeSessions, rapportSession } from './sessions.js';
import type { ConsoleSetting, ConsoleTap, LoadedConsole, Viewer } from './types.js';
import { requireAdmin, sees, viewerOf } from './viewer.js';

interface Ctx {
  request: FastifyRequest;
  reply: FastifyReply;
  params: string[];
  query: Record<string, string | undefined>;
  viewer: Viewer;
}

interface Route {
  method: string;
  path: RegExp;
  /** Without authentication: the page and its static assets (they hold no data). */
  open?: boolean;
  handle(ctx: Ctx): unknown;
}

const SEGMENT = '([^/]+)';

export function createConsole(app: FastifyInstance, setting: ConsoleSetting, tap: ConsoleTap): LoadedConsole {
  const { runtime } = setting;
  const log = new RequestLog(runtime);
  const plays = new Plays(setting);
  const events = new ConsoleEvents((watchers) => {
    // The live log captures only while a stream is open; meanwhile the lean path leaves every request to Fastify.
    tap.capture = watchers > 0 ? capture : undefined;
  });
  const capture = (request: FastifyRequest, reply: FastifyReply, payload: unknown): void => {
    const entry = log.capture(request, reply, payload);
    if (entry) events.publish({ name: 'requete', data: summary(entry), ...(entry.cfa ? { cfa: entry.cfa } : {}), ...(entry.opco ? { opco: entry.opco } : {}) });
  };
  tap.close = () => events.close();

  const clockView = () => ({ now: runtime.clock.now().toISOString(), state: runtime.clock.state(), delais: setting.delais });
  const who = (viewer: Viewer) =>
    viewer.admin
      ? { admin: true, certification: runtime.certification !== undefined }
      : { admin: false, certification: runtime.certification !== undefined, cfa: viewer.cfa, denomination: viewer.denomination, opcos: viewer.opcos, sessions: viewer.sessions };

  const routes: Route[] = [
    { method: 'GET', path: /^\/?$/, open: true, handle: ({ reply }) => reply.headers(PAGE_HEADERS).type('text/html; charset=utf-8').send(page()) },
    {
      method: 'GET',
      path: /^\/(assets|vendor)\/([\w.-]+)$/,
      open: true,
      handle: ({ reply, params }) => {
        const file = assetFile(params[0] as 'assets' | 'vendor', params[1] ?? '');
        if (!file) throw new MockProblem('OPERATION_INCONNUE', `Aucun fichier « ${params[1]} » dans la console`);
        return reply.header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff').type(file.type).send(file.body);
      },
    },
    { method: 'GET', path: /^\/api\/moi$/, handle: ({ viewer }) => who(viewer) },
    { method: 'POST', path: /^\/api\/ticket$/, handle: ({ viewer }) => events.ticket(viewer) },
    { method: 'GET', path: /^\/api\/flux$/, open: true, handle: ({ query, reply }) => events.open(query.ticket, reply) },
    { method: 'GET', path: /^\/api\/dossiers$/, handle: ({ viewer, query }) => listeDossiers(setting, viewer, { cfa: query.cfa, etat: query.etat, opco: query.opco }) },
    {
      method: 'GET',
      path: new RegExp(`^/api/dossiers/${SEGMENT}/${SEGMENT}/${SEGMENT}$`),
      handle: ({ viewer, params }) => detailDossier(setting, viewer, { opco: params[0]!, cfa: params[1]! }, params[2]!),
    },
    { method: 'GET', path: /^\/api\/requetes$/, handle: ({ viewer }) => ({ requetes: log.list((e) => sees(viewer, e.cfa, e.opco)), suivi: events.watchers > 0 }) },
    {
      method: 'GET',
      path: /^\/api\/requetes\/(\d+)$/,
      handle: ({ viewer, params }) => {
        const entry = log.get(Number(params[0]));
        if (!entry || !sees(viewer, entry.cfa, entry.opco)) throw new MockProblem('OPERATION_INCONNUE', `Aucune requête n° ${params[0]} dans le journal`);
        return entry;
      },
    },
    { method: 'GET', path: /^\/api\/horloge$/, handle: () => clockView() },
    {
      method: 'PUT',
      path: /^\/api\/horloge$/,
      handle: async ({ viewer, request }) => {
        requireAdmin(viewer);
        const moved = await deplacerHorloge(app, setting, request.body);
        events.publish({ name: 'horloge', data: { now: moved.now }, everyone: true });
        return { ...clockView(), changements: moved.changements };
      },
    },
    {
      method: 'GET',
      path: /^\/api\/fautes$/,
      handle: ({ viewer }) => {
        requireAdmin(viewer);
        return { fautes: runtime.faults.list(), certification: runtime.certification !== undefined, plays: plays.list() };
      },
    },
    { method: 'POST', path: /^\/api\/fautes$/, handle: ({ viewer, request, reply }) => (requireAdmin(viewer), changed(reply.code(201), armerFaute(app, setting, request.body))) },
    { method: 'DELETE', path: /^\/api\/fautes$/, handle: ({ viewer, reply }) => (requireAdmin(viewer), changed(reply, desarmerFaute(app, setting))) },
    { method: 'DELETE', path: new RegExp(`^/api/fautes/${SEGMENT}$`), handle: ({ viewer, reply, params }) => (requireAdmin(viewer), changed(reply, desarmerFaute(app, setting, params[0]))) },
    {
      method: 'PUT',
      path: new RegExp(`^/api/plays/${SEGMENT}$`),
      handle: ({ viewer, request, reply, params }) => {
        requireAdmin(viewer);
        const arme = (request.body as { arme?: unknown } | undefined)?.arme;
        if (typeof arme !== 'boolean') throw new MockProblem('REQUETE_INVALIDE', 'Corps attendu : {"arme": true|false}', [{ code: 'REQUETE_INVALIDE', description: 'arme doit être un booléen', champ: 'arme' }]);
        plays.set(params[0]!, arme);
        return changed(reply, Promise.resolve());
      },
    },
    { method: 'GET', path: /^\/api\/sessions$/, handle: ({ viewer }) => listeSessions(app, setting, viewer) },
    { method: 'GET', path: new RegExp(`^/api/sessions/${SEGMENT}$`), handle: ({ viewer, params, request }) => detailSession(app, setting, viewer, params[0]!, request.headers.host) },
    { method: 'GET', path: new RegExp(`^/api/sessions/${SEGMENT}/rapport$`), handle: ({ viewer, params, request, reply }) => rapportSession(app, setting, viewer, params[0]!, request, reply) },
  ];

  /** After a change of faults or plays: every admin console refreshes its list. */
  async function changed(reply: FastifyReply, work: Promise<unknown>): Promise<unknown> {
    const result = await work;
    events.publish({ name: 'fautes', data: {} });
    return result ?? reply.code(204).send();
  }

  return {
    async handle(request, reply) {
      const [rawPath = ''] = request.url.split('?');
      const path = rawPath.slice('/_console'.length);
      const candidates = routes.filter((r) => r.path.test(path));
      const route = candidates.find((r) => r.method === request.method);
      if (!route) {
        throw new MockProblem('OPERATION_INCONNUE', candidates.length > 0 ? `Méthode ${request.method} non proposée sur /_console${path}` : `Aucune page /_console${path}`);
      }
      const params = (route.path.exec(path) ?? []).slice(1).map((p) => decodeURIComponent(p));
      const viewer: Viewer = route.open ? { admin: false, cfa: '', denomination: '', opcos: [], sessions: [] } : viewerOf(runtime, request);
      const result = await route.handle({ request, reply, params, query: request.query as Record<string, string | undefined>, viewer });
      if (reply.sent || result === reply) return reply;
      return reply.header('cache-control', 'no-store').send(result);
    },
  };
}
