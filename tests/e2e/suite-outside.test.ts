// The server suite against an OPCO server written outside the kit, from spec/openapi.yaml alone (issue 13 §1).
//
// The double is conformant but departs from the kit's mock the ways real servers do: it throttles its first deposit
// (429, Retry-After: 1), wraps its states page in a one-element array (declared: pageEtatsEnveloppeTableau) and adds
// an undocumented member to the dossier read model. The suite must pass it (warnings allowed), and still catch a
// real leak of another CFA's dossier hidden inside the wrapped page.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledSpecPath } from '../../spec/load.js';
import { loadResponseSchemas, loadScenarios, parseScenario, runSuite, type Target } from '../../conformance/suite/index.js';
import type { SuiteReport } from '../../reports/suite/model.js';

/** The scenarios this double implements: status, keys, editor headers, deposit, read, states pages, isolation. */
const SCENARIOS = ['statut-api', 'cle-absente', 'cle-inconnue', 'entetes-editeur-absents', 'json-malforme', 'dossier-inconnu', 'isolation-autre-cfa', 'pagination-etats-dossiers'];
const KEYS: Record<string, string> = { 'cle-cfa-a': 'A', 'cle-cfa-b': 'B' };
const PAGE_SIZE = 10;

/** The bundled scenarios read a dossier only after its decision: this one reads it back TRANSMIS, as any client does. */
const LECTURE = parseScenario(
  `id: lecture-apres-depot
titre: Lecture d'un dossier transmis
intention: Le dossier déposé se relit aussitôt, à l'état TRANSMIS.
exigences: [SRV-01]
capacites: [v2, dossiers]
steps:
  - id: depot
    request: { method: POST, path: /v2/dossiers, body: "{{generate.cerfa}}" }
    capture: { numeroInterne: numeroInterne }
    expect: { regles: [serveur-depot-cerfa-transmis], status: 201 }
  - id: lecture
    request: { method: GET, path: "/v2/dossiers?numeroInterne={{capture.numeroInterne}}" }
    expect: { regles: [serveur-cycle-de-vie], status: 200, champs: { cerfa.etat: TRANSMIS } }
`,
  'suite-outside.test.ts',
);

interface Faults {
  /** The states page lists every CFA's dossiers (the leak the isolation scenario must see). */
  fuiteEtats?: boolean;
  /** 429 answers carry no Retry-After (the suite still waits a default and resends). */
  sansRetryAfter?: boolean;
  /** Deposits answered 200 instead of the norm's 201 (undeclared). */
  depot200?: boolean;
}

interface Dossier {
  cfa: string;
  numeroExterne: string;
  cerfa: Record<string, unknown>;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const erreur = (res: ServerResponse, status: number, code: string, description: string, headers?: Record<string, string>): void =>
  send(res, status, { errors: [{ code, description }] }, headers);

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A minimal OPCO server: the norm's paths, X-API-KEY per CFA, the three editor headers, dossiers in memory. */
function opcoExterieur(faults: Faults = {}): Server {
  const dossiers = new Map<string, Dossier>();
  const premiers = new Set<string>();
  return createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const operation = `${req.method} ${url.pathname}`;
      if (operation === 'GET /v2/status') return send(res, 200, { status: 'healthy' });
      const key = req.headers['x-api-key'];
      if (typeof key !== 'string' || key === '') return erreur(res, 401, 'CLE_API_ABSENTE', "L'en-tête X-API-KEY est obligatoire");
      const cfa = KEYS[key];
      if (!cfa) return erreur(res, 403, 'CLE_API_INCONNUE', 'Clé API inconnue');
      for (const name of ['editeur', 'logiciel', 'version']) {
        if (!req.headers[name]) return erreur(res, 400, 'ENTETE_EDITEUR_ABSENTE', `L'en-tête ${name.toUpperCase()} est obligatoire`);
      }
      // (a) The first deposit is throttled, as a gateway's rate limit would.
      if (operation === 'POST /v2/dossiers' && !premiers.has(operation)) {
        premiers.add(operation);
        return erreur(res, 429, 'TROP_DE_REQUETES', 'Trop de requêtes, réessayez plus tard', faults.sansRetryAfter ? {} : { 'retry-after': '1' });
      }
      if (operation === 'POST /v2/dossiers') {
        let body: { cerfa?: Record<string, unknown> };
        try {
          body = JSON.parse(await bodyOf(req)) as typeof body;
        } catch {
          return erreur(res, 400, 'JSON_MALFORME', "Le corps de la requête n'est pas un JSON valide");
        }
        const numeroInterne = body.cerfa?.numeroInterne;
        if (typeof numeroInterne !== 'string') return erreur(res, 400, 'VALIDATION', 'cerfa.numeroInterne est obligatoire');
        const numeroExterne = `EXT-${String(dossiers.size + 1).padStart(6, '0')}`;
        dossiers.set(numeroInterne, { cfa, numeroExterne, cerfa: body.cerfa! });
        return send(res, faults.depot200 ? 200 : 201, { numeroInterne, numeroExterne, etat: 'TRANSMIS' });
      }
      if (operation === 'GET /v2/dossiers') {
        const dossier = dossiers.get(url.searchParams.get('numeroInterne') ?? '');
        if (!dossier || dossier.cfa !== cfa) return erreur(res, 404, 'DOSSIER_INCONNU', 'Dossier inconnu');
        return send(res, 200, {
          cerfa: { ...dossier.cerfa, numeroExterne: dossier.numeroExterne, numeroDeca: null, etat: 'TRANSMIS', commentaireEtat: null },
          engagement: null,
          echeances: [],
          engagementsFraisAnnexe: [],
          detailsFacturation: null,
          // (c) A member the spec does not document.
          referenceInterneOpco: `R-${dossier.numeroExterne}`,
        });
      }
      if (operation === 'GET /v2/dossiers/etats') {
        const page = Number(url.searchParams.get('numeroPage') ?? '1');
        const visibles = [...dossiers.entries()].filter(([, d]) => faults.fuiteEtats || d.cfa === cfa);
        const items = visibles.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(([numeroInterne, d]) => ({ numeroInterne, numeroExterne: d.numeroExterne, etat: 'TRANSMIS' }));
        // (b) The page wrapped in a one-element array (declared by the target: pageEtatsEnveloppeTableau).
        return send(res, 200, [{ total: visibles.length, count: items.length, page, EtatDossierResult: items }]);
      }
      return erreur(res, 404, 'RESSOURCE_INCONNUE', `${operation} n'existe pas`);
    })();
  });
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function play(faults: Faults = {}, declareEnveloppe = true): Promise<SuiteReport> {
  server = opcoExterieur(faults);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const target: Target = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cfaKey: 'cle-cfa-a',
    cfaKey2: 'cle-cfa-b',
    editor: { editeur: 'Dehors', logiciel: 'suite-outside', version: '1.0' },
    capacites: ['v2', 'dossiers'],
    statutInconnu: 404,
    particularites: declareEnveloppe ? { pageEtatsEnveloppeTableau: true } : {},
  };
  return runSuite({
    target,
    scenarios: [LECTURE, ...loadScenarios().filter((s) => SCENARIOS.includes(s.id))],
    seed: 20_260_105,
    runId: 'OUT',
    timeoutMs: 10_000,
    pollIntervalMs: 10,
    maxWaitMs: 5_000,
    schemas: await loadResponseSchemas(bundledSpecPath()),
  });
}

const failures = (report: SuiteReport): string[] => report.rules.filter((r) => r.outcome === 'fail' || r.outcome === 'error').map((r) => `${r.ruleId} [${r.severity}]`).sort();
const explain = (report: SuiteReport): string =>
  report.rules
    .filter((r) => r.outcome === 'fail' || r.outcome === 'error')
    .map((r) => `${r.ruleId}: ${r.reason ?? ''} ${r.evidence.map((e) => `[${e.scenario}/${e.step} ${e.message ?? ''} → ${e.response?.status}]`).join(' ')}`)
    .join('\n');

describe('convergence test opco against an OPCO server written from the spec alone', () => {
  it('passes the conformant one: the 429 waited out and resent, the wrapped page read, the extra member only a warning', async () => {
    const report = await play();
    expect(failures(report), explain(report)).toEqual(['serveur-membre-non-documente [avertissement]']);
    expect(report.exitCode).toBe(0);
    expect(report.scenarios.filter((s) => s.outcome !== 'pass').map((s) => `${s.id}: ${s.reason}`)).toEqual([]);
    const membre = report.rules.find((r) => r.ruleId === 'serveur-membre-non-documente')!;
    expect(membre.evidence[0]?.received).toMatch(/referenceInterneOpco/);
    // The pages and the isolation were judged on the page inside the array, not skipped.
    for (const id of ['serveur-isolation-etats', 'serveur-pagination-total', 'serveur-depot-cerfa-transmis', 'serveur-reponse-conforme-spec']) {
      expect(report.rules.find((r) => r.ruleId === id)?.outcome, id).toBe('pass');
    }
  }, 60_000);

  it("fails serveur-isolation-etats when another CFA's dossier hides inside the wrapped page", async () => {
    const report = await play({ fuiteEtats: true });
    expect(failures(report), explain(report)).toEqual(['serveur-isolation-etats [bloquant]', 'serveur-membre-non-documente [avertissement]']);
    expect(report.exitCode).toBe(1);
    const isolation = report.rules.find((r) => r.ruleId === 'serveur-isolation-etats')!;
    expect(isolation.evidence[0]?.received).toMatch(/^OUT-/);
    // Undeclared, the wrapping fails the schema, and the leak inside it is still seen.
    const undeclared = await play({ fuiteEtats: true }, false);
    expect(failures(undeclared)).toEqual(['serveur-isolation-etats [bloquant]', 'serveur-membre-non-documente [avertissement]', 'serveur-reponse-conforme-spec [bloquant]']);
  }, 60_000);

  it('notes the resend after a 429 in the evidence of the answer it judged', async () => {
    const report = await play({ depot200: true });
    const depot = report.rules.find((r) => r.ruleId === 'serveur-depot-cerfa-transmis')!;
    expect(depot.outcome).toBe('fail');
    const throttled = depot.evidence.find((e) => /429/.test(e.message ?? ''));
    expect(throttled?.message).toMatch(/renvoyée 1 fois après une réponse 429 \(Retry-After 1 → 1\.0 s\)/);
    expect(throttled?.response?.status).toBe(200);
  }, 60_000);

  it('a 429 without Retry-After is waited a default and resent, not blamed on the deposit', async () => {
    const report = await play({ sansRetryAfter: true });
    expect(report.rules.find((r) => r.ruleId === 'serveur-depot-cerfa-transmis')?.outcome).toBe('pass');
    expect(report.scenarios.filter((s) => s.outcome !== 'pass').map((s) => s.id)).toEqual([]);
    // The missing header is the finding of its own rule (when the catalogue has it), judged on the 429 itself.
    const retryAfter = report.rules.find((r) => r.ruleId === 'serveur-retry-after-429');
    if (retryAfter) expect(retryAfter.outcome).toBe('fail');
  }, 60_000);
});
