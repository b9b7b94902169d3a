// The lifecycle judged by order, not sampling (issue 18 §6): an outside OPCO that decides before the suite polls passes; one whose state goes back fails.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { bundledSpecPath } from '../../spec/load.js';
import { loadResponseSchemas, loadScenarios, runSuite } from '../../conformance/suite/index.js';

type Rythme = 'instantane' | 'retour-arriere';

/** A minimal OPCO written from the spec: a deposit is decided at once; `retour-arriere` shows TRANSMIS again from its third read. */
function opco(rythme: Rythme) {
  const lectures = new Map<string, number>();
  const cerfas = new Map<string, Record<string, unknown>>();
  const send = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' }).end(JSON.stringify(body));
  };
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
      const url = new URL(req.url ?? '/', 'http://double');
      if (url.pathname === '/v2/status') return send(res, 200, { statut: 'OK' });
      if (req.headers['x-api-key'] !== 'cle-double') return send(res, 401, { type: 'urn:x', title: 'CLE', status: 401, errors: [{ code: 'CLE_API_INCONNUE', description: 'clé' }] });
      if (req.method === 'POST' && url.pathname === '/v2/dossiers') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { cerfa: Record<string, unknown> };
        const numero = String(body.cerfa.numeroInterne);
        cerfas.set(numero, body.cerfa);
        return send(res, 201, { numeroInterne: numero, numeroExterne: `DBL-${numero}`, etat: 'TRANSMIS' });
      }
      if (req.method === 'GET' && url.pathname === '/v2/dossiers') {
        const numero = url.searchParams.get('numeroInterne') ?? '';
        const cerfa = cerfas.get(numero);
        if (!cerfa) return send(res, 404, { type: 'urn:x', title: 'INCONNU', status: 404, errors: [{ code: 'DOSSIER_INCONNU', description: 'inconnu' }] });
        const n = (lectures.get(numero) ?? 0) + 1;
        lectures.set(numero, n);
        const etat = rythme === 'retour-arriere' && n >= 3 ? 'TRANSMIS' : 'ENGAGE';
        return send(res, 200, { cerfa: { ...cerfa, numeroInterne: numero, etat, numeroDeca: '2026010000001', commentaireEtat: null }, echeances: [] });
      }
      send(res, 404, { type: 'urn:x', title: 'NON', status: 404, errors: [{ code: 'NON_SUPPORTE', description: 'non' }] });
    });
  });
}

async function judge(rythme: Rythme) {
  const server = opco(rythme);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const report = await runSuite({
      target: { url, cfaKey: 'cle-double', editor: { editeur: 'E', logiciel: 'L', version: '1' }, capacites: ['v2', 'dossiers', 'factures'], statutInconnu: 404 },
      scenarios: loadScenarios().filter((s) => s.id === 'contrat-cycle-complet'),
      seed: 7,
      runId: 'CY',
      timeoutMs: 5000,
      pollIntervalMs: 10,
      maxWaitMs: 200,
      schemas: await loadResponseSchemas(bundledSpecPath()),
      only: ['serveur-cycle-de-vie'],
    });
    return report.rules.find((r) => r.ruleId === 'serveur-cycle-de-vie')!;
  } finally {
    server.close();
  }
}

describe('serveur-cycle-de-vie against an outside OPCO that never polls slowly enough to show TRANSMIS', () => {
  it('passes a server that engages a dossier before the first read (states read in an allowed order)', async () => {
    const rule = await judge('instantane');
    expect(rule.outcome, JSON.stringify(rule.evidence.map((e) => e.message))).toBe('pass');
  }, 60_000);

  it('fails a server whose state goes back from ENGAGE to TRANSMIS, naming the order', async () => {
    const rule = await judge('retour-arriere');
    expect(rule.outcome).toBe('fail');
    expect(JSON.stringify(rule.evidence)).toContain('ENGAGE');
  }, 60_000);
});
