// Admin routes of certification mode (/_admin/certification/…): the sessions, one session's exchanges, its report.
import type { FastifyInstance, FastifyRequest } from 'fastify';
// Types only: the judge and the renderers (xmlbuilder2…) load on the first report asked for, not at every mock start.
import type { SuiteFormat } from '../../reports/suite/index.js';
import { MockProblem } from '../errors.js';
import type { MockRuntime } from '../http/types.js';
import { packageVersion } from '../../conformance/engine/package-root.js';
import type { CertificationRecorder } from './recorder.js';
import { loadSession } from './session.js';
import { scrubSession, withRecordedBodies } from './scrub.js';
import { signReport } from './signature.js';

const CONTENT_TYPES: Record<SuiteFormat, string> = {
  json: 'application/json; charset=utf-8',
  junit: 'application/xml; charset=utf-8',
  sarif: 'application/sarif+json; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};


function active(runtime: MockRuntime): CertificationRecorder {
  if (!runtime.certification) throw new MockProblem('CERTIFICATION_INACTIVE', "Le bouchon n'a pas été démarré en mode certification (convergence test cfa)");
  return runtime.certification;
}

function unknownSession(id: string): MockProblem {
  return new MockProblem('SESSION_INCONNUE', `Aucune session de certification « ${id} »`, [
    { code: 'SESSION_INCONNUE', description: "La session de certification n'est pas connue", champ: 'id' },
  ]);
}

/** Registered inside the admin scope, behind its token guard. */
export function registerCertificationAdmin(admin: FastifyInstance, runtime: MockRuntime): void {
  admin.get('/certification/sessions', async () => {
    active(runtime);
    const sessions = await runtime.store.listSessions();
    return {
      sessions: sessions.map(({ id, opco, cfa, requests, firstAt, lastAt }) => ({ id, opco, cfa, requests, firstAt, lastAt })),
      // Not recorded anywhere: counted since the mock started, so a mistyped key shows before the run ends.
      unattributed: runtime.certification?.unattributed() ?? { sansCle: 0, cleInconnue: 0 },
    };
  });

  admin.get('/certification/sessions/:id', async (request: FastifyRequest<{ Params: { id: string } }>) => {
    const recorder = active(runtime);
    const session = await loadSession(runtime.store, request.params.id, recorder.options);
    if (!session) throw unknownSession(request.params.id);
    return scrubSession(session);
  });

  admin.get('/certification/sessions/:id/report', async (request: FastifyRequest<{ Params: { id: string }; Querystring: { format?: string } }>, reply) => {
    const recorder = active(runtime);
    const format = request.query.format ?? 'json';
    const [{ judgeSession }, { isSuiteFormat, scrubReport, suiteReporters, SUITE_FORMATS }] = await Promise.all([
      import('../../conformance/certification/index.js'),
      import('../../reports/suite/index.js'),
    ]);
    if (!isSuiteFormat(format)) {
      const description = `Format de rapport inconnu « ${format} » : ${SUITE_FORMATS.join(', ')}`;
      throw new MockProblem('REQUETE_INVALIDE', description, [{ code: 'REQUETE_INVALIDE', description, champ: 'format' }]);
    }
    const stored = await loadSession(runtime.store, request.params.id, recorder.options);
    if (!stored) throw unknownSession(request.params.id);
    const session = withRecordedBodies(stored);
    const { capabilities, tool, waivers, script } = recorder.options;
    const report = judgeSession(session, {
      capabilities,
      script: { plays: script.plays.map(({ id, operation, occurrence, answer }) => ({ id, operation, occurrence, status: answer.status })) },
      target: { url: `${request.protocol}://${request.headers.host ?? 'localhost'}`, profile: session.opco },
      tool: tool ?? { name: 'convergence', version: packageVersion() },
      ...(waivers ? { waivers } : {}),
    });
    // Signed once masked: the statement holds what the files will show.
    const scrubbed = scrubReport(report);
    const signing = recorder.options.signing;
    const shown = signing ? signReport(scrubbed, signing.signer, new Date(), signing.validity) : scrubbed;
    return reply.type(CONTENT_TYPES[format]).send(suiteReporters[format](shown));
  });
}
