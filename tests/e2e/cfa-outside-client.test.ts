// Outside doubles of CFA software, written from docs/certification.md and docs/mock.md alone (fetch, the example CERFA): certified when careful, failed for the right rule when not.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestCfa } from '../../cli/commands/test-cfa.js';
import { captureIO } from '../../cli/testing.js';
import type { SuiteReport } from '../../reports/suite/model.js';

// What the docs give an editor: the demo key and admin token, the example CERFA, the clock date of the walk-through.
const KEY = 'demo-cfa-key';
const ADMIN = 'demo-admin-token';
const EXAMPLE = JSON.parse(readFileSync(fileURLToPath(new URL('../../mocks/examples/cerfa.json', import.meta.url)), 'utf8')) as { cerfa: Record<string, any> };
const START = '2026-01-16T09:00:00Z';

const dir = mkdtempSync(join(tmpdir(), 'cfa-outside-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** How this software gets a fault wrong, if it does. */
type Defaut = 'renvoi-immediat' | 'nouveau-numero' | 'sondage-rapide';

interface Reponse {
  status: number;
  retryAfter: string | null;
  body: any;
}

/** A small CFA software: EDITEUR/LOGICIEL/VERSION on every call, Retry-After honoured, a pause after a 5xx, a paced poll. */
function logiciel(base: string, defaut?: Defaut) {
  const derniereLecture = new Map<string, number>();
  const appel = async (method: string, path: string, body?: unknown): Promise<Reponse> => {
    const res = await fetch(`${base}/v2${path}`, {
      method,
      headers: {
        'X-API-KEY': KEY,
        EDITEUR: 'Editions du Dehors',
        LOGICIEL: 'Apprentis Batch',
        VERSION: '1.0.0',
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: text === '' ? undefined : JSON.parse(text) };
  };
  /** 429: wait Retry-After; 5xx: pause (1.2 s, or Retry-After) then resend the same request; at most 4 tries. */
  const patient = async (method: string, path: string, body?: unknown, avant?: () => Promise<void>): Promise<Reponse> => {
    let reponse: Reponse | undefined;
    for (let essai = 0; essai < 4; essai++) {
      await avant?.();
      reponse = await appel(method, path, body);
      if (reponse.status !== 429 && reponse.status < 500) return reponse;
      const ra = Number(reponse.retryAfter ?? Number.NaN);
      const attente = Number.isFinite(ra) ? ra * 1000 + 50 : reponse.status >= 500 && defaut === 'renvoi-immediat' ? 0 : 1200;
      await sleep(attente);
    }
    return reponse!;
  };
  /** A dossier's state, read at most once every 1.1 s (docs: 2 reads a second at most), unless polling too fast. */
  const lire = async (numero: string): Promise<Reponse> =>
    patient('GET', `/dossiers?numeroInterne=${encodeURIComponent(numero)}`, undefined, async () => {
      const attente = (derniereLecture.get(numero) ?? 0) + 1100 - Date.now();
      if (defaut !== 'sondage-rapide' && attente > 0) await sleep(attente);
      derniereLecture.set(numero, Date.now());
    });
  /** Deposits a contract; after a 5xx, the resend keeps its numeroInterne (or, as the fault, takes a new one). */
  const deposer = async (cerfa: Record<string, unknown>): Promise<string> => {
    let reponse = await appel('POST', '/dossiers', { cerfa });
    if (reponse.status >= 500) {
      await sleep(defaut === 'renvoi-immediat' ? 0 : 1200);
      const numero = defaut === 'nouveau-numero' ? `${String(cerfa.numeroInterne)}-B` : cerfa.numeroInterne;
      reponse = await appel('POST', '/dossiers', { cerfa: { ...cerfa, numeroInterne: numero } });
    }
    if (reponse.status !== 201 && reponse.status !== 200) throw new Error(`dépôt refusé : ${reponse.status} ${JSON.stringify(reponse.body)}`);
    return reponse.body.numeroInterne as string;
  };
  return { appel, patient, lire, deposer };
}

/** Three different contracts from the example: other apprentices (first name) under their own numbers. */
function contrats(): Record<string, unknown>[] {
  return ['Lucas', 'Chloé', 'Inès'].map((prenom, n) => ({
    ...structuredClone(EXAMPLE.cerfa),
    numeroInterne: `DOS-${String(n + 1).padStart(4, '0')}`,
    apprenti: { ...structuredClone(EXAMPLE.cerfa.apprenti), prenom },
  }));
}

async function certifier(name: string, capabilities: string, run: (base: string, avancer: (d: string) => Promise<void>) => Promise<void>) {
  const io = captureIO(join(dir, name));
  const running = await startTestCfa({ port: '0', host: '127.0.0.1', out: 'out', format: 'json', store: 'memory', capabilities }, io);
  const horloge = async (body: unknown): Promise<void> => {
    const res = await fetch(`${running.url}/_admin/clock`, { method: 'PUT', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 200) throw new Error(`horloge : ${res.status}`);
  };
  try {
    await horloge({ now: START });
    await run(running.url, (advance) => horloge({ advance }));
  } catch (error) {
    await running.stop();
    throw error;
  }
  const code = await running.stop();
  // One session: the demo key's.
  const out = join(dir, name, 'out');
  const sessions = readdirSync(out);
  expect(sessions).toHaveLength(1);
  const report = JSON.parse(readFileSync(join(out, sessions[0]!, 'report.json'), 'utf8')) as SuiteReport;
  return { code, report, stdout: io.out() };
}

const echecs = (report: SuiteReport): string[] => report.rules.filter((r) => r.outcome === 'fail' || r.outcome === 'error').map((r) => r.ruleId);
const nonPasses = (report: SuiteReport): string[] => (report.checklist ?? []).filter((i) => i.outcome !== 'pass').map((i) => i.id);

/** The batch software: three contracts (the first answered 503 by the script), then their states until engaged. */
async function lot(base: string, avancer: (d: string) => Promise<void>, defaut?: Defaut): Promise<void> {
  const cfa = logiciel(base, defaut);
  const numeros: string[] = [];
  for (const cerfa of contrats()) numeros.push(await cfa.deposer(cerfa));
  for (const numero of numeros) expect((await cfa.lire(numero)).status).toBe(200);
  await avancer('P5D');
  for (const numero of numeros) {
    const lu = await cfa.lire(numero);
    expect(lu.body.cerfa.etat).toBe('ENGAGE');
    if (defaut === 'sondage-rapide') for (let i = 0; i < 5; i++) await cfa.lire(numero);
  }
}

describe('an outside batch CFA software (three contracts after one scripted 503)', () => {
  it('is certified for contrats when it pauses and resends under the same number: exit 0, no finding', async () => {
    const { code, report } = await certifier('lot', 'contrats', (base, avancer) => lot(base, avancer));
    expect(echecs(report)).toEqual([]);
    expect(nonPasses(report)).toEqual([]);
    expect(report.rules.find((r) => r.ruleId === 'client-pas-de-tempete-apres-erreur')?.outcome).toBe('pass');
    expect(report.rules.find((r) => r.ruleId === 'client-pause-avant-renvoi-apres-5xx')?.outcome).toBe('pass');
    expect(code).toBe(0);
  });

  it.each([
    ['renvoi-immediat', 'client-pause-avant-renvoi-apres-5xx'],
    ['nouveau-numero', 'client-contrat-sans-doublon'],
    ['sondage-rapide', 'client-cadence-lecture-etat'],
  ] as const)('fails when it gets one thing wrong (%s): that rule and nothing else, exit 1', async (defaut, regle) => {
    const { code, report } = await certifier(`lot-${defaut}`, 'contrats', (base, avancer) => lot(base, avancer, defaut));
    expect(echecs(report)).toEqual([regle]);
    expect(code).toBe(1);
  });
});

describe('an outside read-only CFA software (--capabilities lectures)', () => {
  it('is certified for exactly lectures: states read through a 429 and a 503, exit 0', async () => {
    const { code, report, stdout } = await certifier('lecteur', 'lectures', async (base) => {
      // The dossier to read, deposited first with the same key (docs: "Read-only software").
      await logiciel(base).deposer(contrats()[0]!);
      // The reader itself: the paged states list, as the docs' walk-through reads it.
      const lecteur = logiciel(base);
      const etats = await lecteur.patient('GET', '/dossiers/etats?numeroPage=1');
      expect(etats.status).toBe(200);
    });
    expect(echecs(report)).toEqual([]);
    expect(report.checklist?.map((i) => [i.id, i.outcome])).toEqual([
      ['lectures-etat-dossier', 'pass'],
      ['protocole-retry-after', 'pass'],
      ['protocole-erreur-serveur', 'pass'],
    ]);
    expect(report.session?.capabilities).toEqual(['lectures']);
    expect(stdout).toContain('declared capabilities: lectures');
    expect(code).toBe(0);
  });
});
