// An OPCO server written outside the kit, from spec/openapi.yaml and docs/suite.md only: conformant it passes the new checks, each planted fault fails its one rule.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { bundledSpecPath } from '../../spec/load.js';
import { loadResponseSchemas, loadScenarios, runSuite } from '../../conformance/suite/index.js';

type Faute = 'redepot-201' | 'sans-champ' | 'texte-brut' | 'sans-retry-after' | 'page-ignoree' | 'appairage-fuite';

interface Dossier {
  cfa: string;
  numeroInterne: string;
  numeroExterne: string;
  cle: string;
  cerfa: Record<string, any>;
}

const KEYS: Record<string, string> = { 'double-cle-1': 'CFA-1', 'double-cle-2': 'CFA-2' };
const PAGE = 2;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The FAQ's appairage key: apprentice's names and birth date, employer's SIRET, contract start. */
const cle = (nom: unknown, prenom: unknown, naissance: unknown, siret: unknown, debut: unknown): string => [nom, prenom, String(naissance).slice(0, 10), siret, String(debut).slice(0, 10)].join('|');

/** A minimal OPCO of the norm: deposits, states page, appairage; `faute` plants one departure from it. */
function opco(faute?: Faute): Server {
  const dossiers: Dossier[] = [];
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    const type = status >= 400 ? 'application/problem+json' : faute === 'texte-brut' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
    res.writeHead(status, { 'content-type': type, ...headers }).end(JSON.stringify(body));
  };
  const probleme = (res: ServerResponse, status: number, code: string, description: string, champ?: string, headers: Record<string, string> = {}): void => {
    const error = { code, description, ...(champ && faute !== 'sans-champ' ? { champ } : {}) };
    send(res, status, { type: `urn:double:${code}`, title: code, status, detail: description, errors: [error] }, headers);
  };
  const vue = (d: Dossier) => ({ cerfa: { ...d.cerfa, numeroInterne: d.numeroInterne, etat: 'TRANSMIS', numeroDeca: null, commentaireEtat: null }, engagement: null, echeances: [] });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://double');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (url.pathname === '/v2/status') return send(res, 200, { status: 'healthy', supportedVersions: ['v2'] });
    const cfa = KEYS[String(req.headers['x-api-key'] ?? '')];
    if (!cfa) return probleme(res, req.headers['x-api-key'] ? 403 : 401, 'CLE_API', 'Clé API absente ou inconnue');
    if (/code=429/.test(String(req.headers.prefer ?? ''))) {
      return probleme(res, 429, 'TROP_DE_REQUETES', 'Limite de débit atteinte', undefined, faute === 'sans-retry-after' ? {} : { 'retry-after': '0' });
    }
    if (req.method === 'POST' && url.pathname === '/v2/dossiers') {
      let body: any;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return probleme(res, 400, 'JSON_MALFORME', "Le corps n'est pas du JSON", '(corps)');
      }
      const cerfa = body?.cerfa;
      if (!cerfa || typeof cerfa !== 'object') return probleme(res, 400, 'REQUETE_INVALIDE', 'cerfa est obligatoire', 'cerfa');
      if (!DATE.test(String(cerfa.contrat?.dateDebutContrat))) return probleme(res, 400, 'VALEUR_INVALIDE', 'Date attendue au format AAAA-MM-JJ', 'cerfa.contrat.dateDebutContrat');
      const numeroInterne = String(cerfa.numeroInterne ?? `DBL-${dossiers.length + 1}`);
      const connu = dossiers.find((d) => d.cfa === cfa && d.numeroInterne === numeroInterne);
      if (connu && faute === 'redepot-201') return send(res, 201, { numeroInterne, numeroExterne: connu.numeroExterne, etat: 'TRANSMIS' });
      if (connu) return probleme(res, 409, 'DOSSIER_DEJA_CONNU', 'Ce numéro interne a déjà été transmis', 'numeroInterne');
      const numeroExterne = `DBL-2025-${String(dossiers.length + 1).padStart(6, '0')}`;
      const a = cerfa.apprenti ?? {};
      dossiers.push({ cfa, numeroInterne, numeroExterne, cle: cle(a.nom, a.prenom, a.dateNaissance, cerfa.employeur?.siret, cerfa.contrat.dateDebutContrat), cerfa });
      return send(res, 201, { numeroInterne, numeroExterne, etat: 'TRANSMIS' });
    }
    if (req.method === 'GET' && url.pathname === '/v2/dossiers/etats') {
      const page = faute === 'page-ignoree' ? 1 : Number(url.searchParams.get('numeroPage') ?? '1');
      const miens = dossiers.filter((d) => d.cfa === cfa);
      const items = miens.slice((page - 1) * PAGE, page * PAGE).map((d) => ({ numeroInterne: d.numeroInterne, numeroExterne: d.numeroExterne, numeroDeca: null, etat: 'TRANSMIS' }));
      return send(res, 200, { total: miens.length, count: items.length, page, EtatDossierResult: items });
    }
    if (req.method === 'GET' && url.pathname === '/v2/dossiers/appairage') {
      const q = (n: string) => url.searchParams.get(n);
      const voulu = cle(q('nom'), q('prenom'), q('dateNaissance'), q('siretEmployeur'), q('dateDebutContrat'));
      return send(res, 200, dossiers.filter((d) => d.cle === voulu && (d.cfa === cfa || faute === 'appairage-fuite')).map(vue));
    }
    return probleme(res, 404, 'RESSOURCE_INCONNUE', 'Opération inconnue');
  }
  return createServer((req, res) => void handle(req, res).catch(() => res.writeHead(500).end()));
}

const SCENARIOS = ['redepot-numero-interne', 'erreur-champ-en-faute', 'pagination-plusieurs-pages', 'retry-after-429', 'isolation-appairage'];
const RULES = ['serveur-redepot-refuse', 'serveur-erreur-champ', 'serveur-type-contenu-json', 'serveur-retry-after-429', 'serveur-pagination-numero-page', 'serveur-pagination-total', 'serveur-isolation-appairage'];

async function verdicts(faute?: Faute): Promise<Record<string, string>> {
  const server = opco(faute);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const report = await runSuite({
      target: { url, cfaKey: 'double-cle-1', cfaKey2: 'double-cle-2', editor: { editeur: 'Double', logiciel: 'double', version: '1' }, capacites: ['v2', 'dossiers'], statutInconnu: 404 },
      scenarios: loadScenarios().filter((s) => SCENARIOS.includes(s.id)),
      only: RULES,
      seed: 7,
      runId: 'D1',
      timeoutMs: 5_000,
      pollIntervalMs: 10,
      schemas: await loadResponseSchemas(bundledSpecPath()),
    });
    return Object.fromEntries(report.rules.map((r) => [r.ruleId, r.outcome]));
  } finally {
    await new Promise((r) => server.close(r));
  }
}

const passes = Object.fromEntries(RULES.map((id) => [id, 'pass']));

describe('convergence test opco against an OPCO written from the spec', () => {
  it('passes the conformant double on every new check (walks of several pages)', async () => {
    expect(await verdicts()).toEqual(passes);
  });

  const FAUTES: [Faute, string][] = [
    ['redepot-201', 'serveur-redepot-refuse'],
    ['sans-champ', 'serveur-erreur-champ'],
    ['texte-brut', 'serveur-type-contenu-json'],
    ['sans-retry-after', 'serveur-retry-after-429'],
    ['page-ignoree', 'serveur-pagination-numero-page'],
    ['appairage-fuite', 'serveur-isolation-appairage'],
  ];
  for (const [faute, rule] of FAUTES) {
    it(`fails exactly ${rule} when the double plants ${faute}`, async () => {
      expect(await verdicts(faute)).toEqual({ ...passes, [rule]: 'fail' });
    });
  }
});
