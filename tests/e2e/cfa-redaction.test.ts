// Personal data sent to a certification session under any Content-Type never reaches a report, the admin view or a log.
import { request } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestCfa } from '../../cli/commands/test-cfa.js';
import { captureIO } from '../../cli/testing.js';

const dir = mkdtempSync(join(tmpdir(), 'cfa-redaction-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The demo CFA's key and the admin token, as docs/mock.md gives them (not imported: this side is the outside software).
const API_KEY = 'demo-cfa-key';
const ADMIN_TOKEN = 'demo-admin-token';
const FORMATS = ['json', 'junit', 'sarif', 'markdown', 'html'] as const;
const FILES = ['report.html', 'report.json', 'report.junit.xml', 'report.md', 'report.sarif'];

/** One apprentice per request, so each artefact can be searched for exactly the values a given request carried. */
interface Personne {
  nir: string;
  nom: string;
  prenom: string;
  dateNaissance: string;
}

const PERSONNES = {
  sansType: { nir: '185057512345678', nom: 'ZOLTANOWSKI', prenom: 'Philomene', dateNaissance: '1985-05-14' },
  textPlain: { nir: '292106912345642', nom: 'QUERBRIGANT', prenom: 'Ysoline', dateNaissance: '1992-10-03' },
  formulaire: { nir: '103027511122233', nom: 'VALDERRAMO', prenom: 'Anatole', dateNaissance: '2003-02-27' },
  formulaireChamps: { nir: '204031311144455', nom: 'KERVADEC', prenom: 'Maelwenn', dateNaissance: '2004-03-19' },
  jsonTronque: { nir: '187083812399988', nom: 'BRIFFAULT', prenom: 'Hortense', dateNaissance: '1987-08-30' },
  jsonInvalide: { nir: '199127512366677', nom: 'DESPLANQUES', prenom: 'Octave', dateNaissance: '1999-12-25' },
  csv: { nir: '278056912377788', nom: 'FONTGALLAND', prenom: 'Berenice', dateNaissance: '1978-05-11' },
} satisfies Record<string, Personne>;

/** A CERFA written by hand from spec/openapi.yaml, as a CFA's file on disk: incomplete, but carrying a person. */
function fichierCerfa(p: Personne, numeroInterne: string): string {
  return JSON.stringify(
    {
      cerfa: {
        numeroInterne,
        apprenti: { nom: p.nom, nomUsage: null, prenom: p.prenom, sexe: p.nir.startsWith('1') ? 'M' : 'F', dateNaissance: p.dateNaissance, nir: p.nir },
        employeur: { denomination: 'Menuiserie Exterieure', siret: '42100000100006' },
      },
    },
    null,
    2,
  );
}

/**
 * What `curl --data @file` sends: the file with its line breaks removed, and unless `-H 'Content-Type: …'` says
 * otherwise, `Content-Type: application/x-www-form-urlencoded`. `contentType: null` is `-H 'Content-Type:'` (none).
 */
function curlData(
  baseUrl: string,
  path: string,
  file: string,
  contentType: string | null | undefined,
  editeur = true,
): Promise<{ status: number; body: string }> {
  const body = Buffer.from(file.replace(/[\r\n]/g, ''), 'utf8');
  const headers: Record<string, string> = { 'User-Agent': 'curl/8.5.0', Accept: '*/*', 'X-API-KEY': API_KEY, 'Content-Length': String(body.length) };
  if (editeur) Object.assign(headers, { EDITEUR: 'Atelier Exterieur', LOGICIEL: 'Scripts maison', VERSION: '0.1' });
  if (contentType !== null) headers['Content-Type'] = contentType ?? 'application/x-www-form-urlencoded';
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function adminGet(baseUrl: string, path: string): Promise<string> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  const text = await res.text();
  expect(res.status, `${path}: ${text.slice(0, 300)}`).toBe(200);
  return text;
}

/** Every value of a person that must not appear, with the spellings a renderer may produce (HTML, JSON escapes). */
function traces(p: Personne): string[] {
  return [p.nir, p.nir.replace(/^(\d)(\d{2})(\d{2})(\d{2})(\d{3})(\d{3})(\d{2})$/, '$1 $2 $3 $4 $5 $6 $7'), p.nom, p.prenom, p.dateNaissance];
}

function expectClean(where: string, text: string, personnes: readonly Personne[]): void {
  const lower = text.toLowerCase();
  for (const p of personnes) {
    for (const value of traces(p)) expect(lower.includes(value.toLowerCase()), `${where} contains ${value}`).toBe(false);
  }
}

describe('certification session fed bodies under every Content-Type (curl --data)', () => {
  it('answers 415 to non-JSON bodies and leaks no NIR, name nor birth date into any artefact', async () => {
    const cwd = join(dir, 'run');
    const io = captureIO(cwd);
    const store = join(cwd, 'sessions.db');
    const running = await startTestCfa({ port: '0', host: '127.0.0.1', out: 'out', format: FORMATS.join(','), store }, io);
    let stopped = false;
    try {
      const url = running.url;
      const P = PERSONNES;
      // curl --data @cerfa.json (no -H): form-urlencoded, the whole JSON text one form key.
      const formulaire = await curlData(url, '/v2/dossiers', fichierCerfa(P.formulaire, 'EXT-FORM-1'), undefined);
      // curl --data-binary @cerfa.json -H 'Content-Type:': no Content-Type at all.
      const sansType = await curlData(url, '/v2/dossiers', fichierCerfa(P.sansType, 'EXT-NONE-1'), null);
      // curl --data @cerfa.json -H 'Content-Type: text/plain'.
      const textPlain = await curlData(url, '/v2/dossiers', fichierCerfa(P.textPlain, 'EXT-TEXT-1'), 'text/plain');
      // A real form, field by field (curl --data-urlencode nom=… …), and one field holding the JSON.
      const champs = new URLSearchParams({
        nom: P.formulaireChamps.nom,
        prenom: P.formulaireChamps.prenom,
        dateNaissance: P.formulaireChamps.dateNaissance,
        nir: P.formulaireChamps.nir,
        cerfa: fichierCerfa(P.formulaireChamps, 'EXT-FORM-2'),
      }).toString();
      const formulaireChamps = await curlData(url, '/v2/dossiers', champs, 'application/x-www-form-urlencoded');
      // Not JSON at all: a CSV line exported by hand (curl --data-binary @apprenti.csv -H 'Content-Type: text/csv').
      const c = P.csv;
      const csv = await curlData(url, '/v2/dossiers', `numeroInterne;nom;prenom;dateNaissance;nir\nEXT-CSV-1;${c.nom};${c.prenom};${c.dateNaissance};${c.nir}`, 'text/csv');
      for (const [name, res] of Object.entries({ formulaire, sansType, textPlain, formulaireChamps, csv })) {
        expect(res.status, `${name}: ${res.body}`).toBe(415);
        expect(JSON.parse(res.body), name).toMatchObject({ errors: [expect.objectContaining({ champ: 'Content-Type' })] });
        expect(res.body).toContain('application/json');
      }
      // Declared JSON but cut short (a truncated file), and declared JSON but not the norm's shape.
      const tronque = fichierCerfa(P.jsonTronque, 'EXT-JSON-1');
      const jsonTronque = await curlData(url, '/v2/dossiers', tronque.slice(0, tronque.indexOf('"employeur"')), 'application/json');
      expect(jsonTronque.status).toBe(400);
      // Declared JSON, the same hand-written file is read and judged against the schema (400, not 415).
      const jsonInvalide = await curlData(url, '/v2/dossiers', fichierCerfa(P.jsonInvalide, 'EXT-JSON-2'), 'application/json');
      expect(jsonInvalide.status).toBe(400);
      expect(JSON.parse(jsonInvalide.body)).toMatchObject({ type: 'urn:convergence:probleme:REQUETE_INVALIDE' });
      // The bare `curl --data @cerfa.json -H 'X-API-KEY: …'`, no editor headers: refused for them, so the report's
      // evidence (client-entetes-editeur-presents) carries these bodies.
      const nus = [
        await curlData(url, '/v2/dossiers', fichierCerfa(P.formulaire, 'EXT-FORM-1'), undefined, false),
        await curlData(url, '/v2/dossiers', fichierCerfa(P.sansType, 'EXT-NONE-1'), null, false),
        await curlData(url, '/v2/dossiers', fichierCerfa(P.textPlain, 'EXT-TEXT-1'), 'text/plain', false),
      ];
      for (const res of nus) expect(res.status, res.body).toBe(400);
      const toutes = Object.values(P);
      for (const res of [formulaire, sansType, textPlain, formulaireChamps, csv, jsonTronque, jsonInvalide, ...nus]) expectClean('an answer', res.body, toutes);

      // The admin view of the session, and its report in every format, before the run stops.
      const list = JSON.parse(await adminGet(url, '/_admin/certification/sessions')) as { sessions: { id: string; requests: number }[] };
      expect(list.sessions).toHaveLength(1);
      const id = list.sessions[0]!.id;
      expect(list.sessions[0]!.requests).toBe(10);
      const view = await adminGet(url, `/_admin/certification/sessions/${encodeURIComponent(id)}`);
      expectClean('the admin session view', view, toutes);
      const session = JSON.parse(view) as { echanges: { receivedAtMs: number; body?: unknown; headers: Record<string, string> }[] };
      expect(session.echanges).toHaveLength(10);
      // Timestamps and the judged headers stay readable; masked bodies keep their length.
      for (const e of session.echanges) {
        expect(typeof e.receivedAtMs).toBe('number');
        expect(e.receivedAtMs).toBeGreaterThan(1_600_000_000_000);
      }
      expect(session.echanges.map((e) => e.headers['content-type'])).toEqual([
        'application/x-www-form-urlencoded',
        undefined,
        'text/plain',
        'application/x-www-form-urlencoded',
        'text/csv',
        'application/json',
        'application/json',
        'application/x-www-form-urlencoded',
        undefined,
        'text/plain',
      ]);
      // Parsed as JSON, then masked field by field: the dossier's own number stays readable.
      expect(view).toContain('EXT-FORM-1');
      expect(view).toContain('EXT-NONE-1');
      expect(view).toContain('Menuiserie Exterieure');
      // Text that is not JSON is masked whole, its length kept; so is JSON cut short, by its Content-Length.
      const bodies = session.echanges.map((e) => e.body);
      expect(bodies[4]).toMatch(/^\(corps non JSON masqué : \d+ caractères\)$/);
      expect(bodies[5]).toMatch(/^\(corps non JSON masqué : \d+ octets\)$/);
      // The form's only key was the JSON text: redacted as JSON, still readable as what the software sent.
      expect(Object.keys(bodies[0] as object)[0]).toContain('"numeroInterne":"EXT-FORM-1"');
      for (const format of FORMATS) {
        const report = await adminGet(url, `/_admin/certification/sessions/${encodeURIComponent(id)}/report?format=${format}`);
        expectClean(`the admin report (${format})`, report, toutes);
        // Not vacuous: the bodies sent without editor headers are the evidence, redacted, dossier numbers readable.
        if (format === 'json' || format === 'html') {
          for (const numero of ['EXT-FORM-1', 'EXT-NONE-1', 'EXT-TEXT-1', 'EXT-JSON-2']) expect(report, `${format} shows ${numero}`).toContain(numero);
        }
      }

      const code = await running.stop();
      stopped = true;
      expect(code).toBe(1);
      const out = join(cwd, 'out', id);
      // The fault is reported under the spec rule, each refused request its own evidence.
      const judged = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { rules: { ruleId: string; outcome: string; evidence: { step: string; received?: string }[] }[] };
      const spec = judged.rules.find((r) => r.ruleId === 'client-requete-conforme-spec');
      expect(spec?.outcome).toBe('fail');
      expect(spec?.evidence.map((e) => e.step)).toEqual(expect.arrayContaining(['#1 POST /v2/dossiers', '#2 POST /v2/dossiers', '#3 POST /v2/dossiers', '#4 POST /v2/dossiers', '#5 POST /v2/dossiers']));
      expect(spec?.evidence.find((e) => e.step === '#3 POST /v2/dossiers')?.received).toContain('text/plain');
      expect(readdirSync(out).sort()).toEqual(FILES);
      for (const file of FILES) expectClean(file, readFileSync(join(out, file), 'utf8'), toutes);
      // The run's own output: the request log (stdout) and stderr.
      expectClean('stdout', io.out(), toutes);
      expectClean('stderr', io.err(), toutes);
      expect(io.out()).toMatch(/POST \/v2\/dossiers.*415/);
      // The store on disk: bodies the mock refused for their Content-Type, or could not parse, are recorded masked.
      const stored = [store, `${store}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('\n');
      expect(stored.length).toBeGreaterThan(0);
      expectClean('the session store', stored, [P.sansType, P.textPlain, P.formulaire, P.formulaireChamps, P.csv, P.jsonTronque]);
    } finally {
      if (!stopped) await running.stop();
    }
  });
});
