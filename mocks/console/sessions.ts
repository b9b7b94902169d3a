// Certification sessions in the console: the list, one session's live checklist and findings, its five reports.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MockProblem } from '../errors.js';
import type { SuiteReport } from '../../reports/suite/model.js';
import { adminApi } from './pilotage.js';
import type { ConsoleSetting, Viewer } from './types.js';

interface SessionLigne {
  id: string;
  opco: string;
  cfa: string;
  requests: number;
  firstAt: string;
  lastAt: string;
}

const EXTENSIONS: Record<string, string> = { json: 'json', junit: 'junit.xml', sarif: 'sarif', markdown: 'md', html: 'html' };

const visible = (viewer: Viewer, s: { id: string; cfa: string }) => viewer.admin || (s.cfa === viewer.cfa && viewer.sessions.includes(s.id));

function inconnue(id: string): MockProblem {
  return new MockProblem('SESSION_INCONNUE', `Aucune session de certification « ${id} »`, [
    { code: 'SESSION_INCONNUE', description: "La session de certification n'est pas connue", champ: 'id' },
  ]);
}

/** The sessions the viewer may see; `certification: false` when the mock is not in certification mode. */
export async function listeSessions(app: FastifyInstance, setting: ConsoleSetting, viewer: Viewer) {
  if (!setting.runtime.certification) return { certification: false, sessions: [] as SessionLigne[] };
  const { sessions, unattributed } = (await adminApi(app, setting, 'GET', '/certification/sessions')) as { sessions: SessionLigne[]; unattributed: unknown };
  return { certification: true, sessions: sessions.filter((s) => visible(viewer, s)), ...(viewer.admin ? { nonAttribuees: unattributed } : {}) };
}

async function check(app: FastifyInstance, setting: ConsoleSetting, viewer: Viewer, id: string): Promise<void> {
  const { sessions } = await listeSessions(app, setting, viewer);
  if (!sessions.some((s) => s.id === id)) throw inconnue(id);
}

/** The session judged now: its checklist (pass, fail, not exercised with what to do next), verdict and failed rules. */
export async function detailSession(app: FastifyInstance, setting: ConsoleSetting, viewer: Viewer, id: string, host: string | undefined) {
  await check(app, setting, viewer, id);
  const report = (await adminApi(app, setting, 'GET', `/certification/sessions/${encodeURIComponent(id)}/report?format=json`, undefined, host)) as SuiteReport;
  return {
    id,
    session: report.session,
    exitCode: report.exitCode,
    summary: report.summary,
    checklist: report.checklist ?? [],
    constats: report.rules
      .filter((r) => r.outcome === 'fail' || r.outcome === 'error')
      .map((r) => ({
        regle: r.ruleId,
        titre: r.title,
        severite: r.severity,
        resultat: r.outcome,
        ...(r.waived ? { derogation: r.waived.reason } : {}),
        exemples: r.evidence.slice(0, 3).map((e) => ({ etape: e.step, statut: e.response?.status, message: e.message ?? null })),
      })),
  };
}

/** One of the five reports, as a download (the admin API renders it; the console only names the file). */
export async function rapportSession(app: FastifyInstance, setting: ConsoleSetting, viewer: Viewer, id: string, request: FastifyRequest, reply: FastifyReply) {
  await check(app, setting, viewer, id);
  const format = String((request.query as { format?: unknown }).format ?? 'json');
  const response = await app.inject({
    method: 'GET',
    url: `/_admin/certification/sessions/${encodeURIComponent(id)}/report?format=${encodeURIComponent(format)}`,
    headers: { authorization: `Bearer ${setting.runtime.config.admin.token}`, host: request.headers.host ?? 'localhost' },
  });
  reply.code(response.statusCode).header('content-type', String(response.headers['content-type'] ?? 'application/octet-stream'));
  if (response.statusCode === 200) reply.header('content-disposition', `attachment; filename="rapport-${id}.${EXTENSIONS[format] ?? format}"`);
  return reply.send(response.rawPayload);
}
