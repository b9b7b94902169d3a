// `convergence test cfa` end to end: a simulated CFA software certified by the mock, and one-mistake variants each reported under one rule.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestCfa, type TestCfaOptions } from '../../cli/commands/test-cfa.js';
import { captureIO } from '../../cli/testing.js';
import type { SuiteReport } from '../../reports/suite/model.js';
import { DEMO } from '../../mocks/tenants.js';
import { HEADERS, validCerfa } from '../../mocks/testdata/fixtures.js';
import { commeUnLogiciel } from '../../conformance/generate/index.js';
import { adminTime, CFA_MISTAKES, RULE_OF_MISTAKE, runCfaClient, type CfaMistake } from '../support/cfa-client.js';
import { BIN } from '../support/process.js';

/** The default plays with a 1-second Retry-After. */
const SCRIPT = fileURLToPath(new URL('../support/cfa-script.yaml', import.meta.url));
/** The mock's clock at the start of each run: the fixtures' contract starts the day before. */
const START = '2026-01-16T09:00:00Z';
const FILES = ['report.html', 'report.json', 'report.junit.xml', 'report.md', 'report.sarif'];
/** The fixtures' apprentice NIR: must never reach a report. */
const NIR = '104097505612347';

const dir = mkdtempSync(join(tmpdir(), 'cfa-certification-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const findings = (report: SuiteReport): string[] =>
  report.rules.filter((r) => !r.waived && (r.outcome === 'fail' || r.outcome === 'error')).map((r) => r.ruleId);
const notPassing = (report: SuiteReport): string[] => (report.checklist ?? []).filter((i) => i.outcome !== 'pass').map((i) => i.id);

/** Checklist items a mistake also fails: those the protocol rule it breaks decides. */
const CHECKLIST_OF_MISTAKE: Record<CfaMistake, string[]> = {
  'sans-editeur': [],
  'facture-avant-engagement': [],
  'ignore-retry-after': ['protocole-retry-after'],
  'renvoi-facture-identique': ['factures-rejet-traite', 'factures-renvoi-corrige'],
  'nir-invalide': [],
};

/** Where the failing rule's first evidence points. */
const STEP_OF_MISTAKE: Record<CfaMistake, RegExp> = {
  'sans-editeur': /^#1 GET \/v2\/status$/,
  'facture-avant-engagement': /^#\d+ POST \/v2\/factures$/,
  'ignore-retry-after': /^#\d+ GET \/v2\/dossiers$/,
  'renvoi-facture-identique': /^#\d+ POST \/v2\/factures$/,
  'nir-invalide': /^#\d+ POST \/v2\/dossiers$/,
};

async function certify(name: string, mistake?: CfaMistake, extra: Partial<TestCfaOptions> = {}, organismeFormationSiret?: string) {
  const cwd = join(dir, name);
  const io = captureIO(cwd);
  const running = await startTestCfa({ port: '0', host: '127.0.0.1', out: 'out', format: 'json,junit,sarif,markdown,html', store: 'memory', script: SCRIPT, ...extra }, io);
  try {
    const time = adminTime(running.url);
    await time.set(START);
    await runCfaClient({ baseUrl: running.url, time, ...(mistake ? { mistake } : {}), ...(organismeFormationSiret ? { organismeFormationSiret } : {}) });
    // The report so far, from the admin API, before the run stops.
    const admin = { authorization: `Bearer ${DEMO.adminToken}` };
    const list = (await (await fetch(`${running.url}/_admin/certification/sessions`, { headers: admin })).json()) as { sessions: { id: string }[] };
    expect(list.sessions).toHaveLength(1);
    const id = list.sessions[0]!.id;
    const live = (await (await fetch(`${running.url}/_admin/certification/sessions/${id}/report?format=json`, { headers: admin })).json()) as SuiteReport;
    const code = await running.stop();
    const out = join(cwd, 'out', id);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as SuiteReport;
    return { code, live, report, out, io };
  } catch (error) {
    await running.stop();
    throw error;
  }
}

describe('convergence test cfa (in-process)', () => {
  it('certifies the careful software: every checklist item passes, no finding, exit 0, five report files', async () => {
    const { code, live, report, out, io } = await certify('good');
    for (const r of [live, report]) {
      expect(r.kind).toBe('cfa');
      expect(r.checklist?.length).toBeGreaterThanOrEqual(11);
      expect(notPassing(r)).toEqual([]);
      expect(findings(r)).toEqual([]);
      expect(r.summary.fail + r.summary.error).toBe(0);
      expect(r.exitCode).toBe(0);
    }
    // Every capability and the protocol items were exercised, not merely absent.
    expect(new Set(report.checklist!.map((i) => i.capability))).toEqual(new Set(['contrats', 'conventions', 'factures', 'certificats', 'protocole']));
    expect(report.session?.editor).toEqual({ editeur: 'Editeur Simulé', logiciel: 'Logiciel CFA simulé', version: '2.4.0' });
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(FILES);
    for (const file of FILES) expect(readFileSync(join(out, file), 'utf8')).not.toContain(NIR);
    expect(io.out()).toContain('CERTIFIED');
    expect(io.out()).toContain('1/1 session(s) certified');
    expect(io.out()).not.toContain(NIR);
  });

  it.concurrent.each(CFA_MISTAKES)('reports the mistake %s under its rule and nothing else, exit 1', async (mistake) => {
    const { code, live, report, io } = await certify(mistake, mistake);
    for (const r of [live, report]) {
      expect(findings(r)).toEqual([RULE_OF_MISTAKE[mistake]]);
      expect(notPassing(r)).toEqual(CHECKLIST_OF_MISTAKE[mistake]);
      expect(r.exitCode).toBe(1);
    }
    const rule = report.rules.find((r) => r.ruleId === RULE_OF_MISTAKE[mistake])!;
    expect(rule.severity).toBe('bloquant');
    expect(rule.evidence[0]?.step).toMatch(STEP_OF_MISTAKE[mistake]);
    expect(code).toBe(1);
    expect(io.out()).toContain(`FAIL ${RULE_OF_MISTAKE[mistake]} [bloquant]`);
    expect(io.out()).toContain('NOT CERTIFIED');
    expect(io.out()).not.toContain(NIR);
  });

  it('certifies software whose contract names another organisme than the key\'s CFA, with that warning in the report', async () => {
    const { code, report, io, out } = await certify('autre-organisme', undefined, {}, '42100000100006');
    expect(findings(report)).toEqual(['siret-organisme-cle-cfa']);
    const rule = report.rules.find((r) => r.ruleId === 'siret-organisme-cle-cfa')!;
    expect(rule.severity).toBe('avertissement');
    expect(rule.evidence[0]?.step).toMatch(/^#\d+ POST \/v2\/dossiers$/);
    expect(notPassing(report)).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(code).toBe(0);
    expect(io.out()).toContain('CERTIFIED');
    // Listed for the editor to see: in JUnit, a failure whose type says it is only a warning.
    expect(readFileSync(join(out, 'report.junit.xml'), 'utf8')).toMatch(/name="siret-organisme-cle-cfa — [^"]*">\s*(<properties>[\s\S]*?<\/properties>\s*)?<failure [^>]*type="avertissement"/);
  });

  it('judges each CFA key as its own session: one certified, one that only asked the status, exit 1', async () => {
    const cwd = join(dir, 'two-keys');
    const config = join(dir, 'two-keys.yaml');
    writeFileSync(
      config,
      [
        'admin: { token: two-keys-admin-token }',
        'cfas:',
        `  - { siret: "${DEMO.siret}", denomination: CFA A, iban: ${DEMO.iban}, keys: { "*": cle-cfa-a-0001 } }`,
        '  - { siret: "42100000100006", denomination: CFA B, iban: FR1420041010050500013M02606, keys: { "*": cle-cfa-b-0002 } }',
      ].join('\n'),
    );
    const io = captureIO(cwd);
    const running = await startTestCfa({ port: '0', host: '127.0.0.1', out: 'out', format: 'json', store: 'memory', script: SCRIPT, config }, io);
    let code: number;
    try {
      const time = adminTime(running.url, 'two-keys-admin-token');
      await time.set(START);
      await runCfaClient({ baseUrl: running.url, time, apiKey: 'cle-cfa-a-0001' });
      const status = await fetch(`${running.url}/v2/status`, { headers: { 'x-api-key': 'cle-cfa-b-0002', editeur: 'B', logiciel: 'B', version: '1' } });
      expect(status.status).toBe(200);
    } finally {
      code = await running.stop();
    }
    expect(code).toBe(1);
    const sessions = readdirSync(join(cwd, 'out'));
    expect(sessions).toHaveLength(2);
    const reports = sessions.map((id) => JSON.parse(readFileSync(join(cwd, 'out', id, 'report.json'), 'utf8')) as SuiteReport);
    expect(reports.map((r) => r.exitCode).sort()).toEqual([0, 1]);
    const b = reports.find((r) => r.exitCode === 1)!;
    expect(b.session?.cfa).toBe('42100000100006');
    expect(notPassing(b)).toContain('contrats-depot-valide');
    expect(io.out()).toContain('1/2 session(s) certified');
    expect(io.out()).not.toContain('cle-cfa-a-0001');
  });
});

describe('convergence test cfa and a deposit written as real software writes it', () => {
  it('records and accepts it, assigns its numeroInterne, and judges it without a finding', async () => {
    const cwd = join(dir, 'corps-logiciel');
    const script = join(dir, 'sans-jeu.yaml');
    writeFileSync(script, 'delais: { instruction: PT30S, decision: PT1M, paiement: PT2M }\nplays: []\n');
    const io = captureIO(cwd);
    const running = await startTestCfa({ port: '0', host: '127.0.0.1', out: 'out', format: 'json', store: 'memory', script }, io);
    try {
      await adminTime(running.url).set(START);
      // {"cerfa": …}, date-times with an offset, adresse1/adresse2 "", birth département on three characters, no numeroInterne.
      const body = commeUnLogiciel(validCerfa('SANS-NUMERO'));
      expect(body.cerfa.numeroInterne).toBeUndefined();
      const headers = { ...HEADERS, 'content-type': 'application/json' };
      const depot = await fetch(`${running.url}/v2/dossiers`, { method: 'POST', headers, body: JSON.stringify(body) });
      const accuse = (await depot.json()) as { numeroInterne?: string };
      expect(depot.status, JSON.stringify(accuse)).toBe(201);
      expect(accuse.numeroInterne).toBeTruthy();
      const lecture = await fetch(`${running.url}/v2/dossiers?numeroInterne=${encodeURIComponent(accuse.numeroInterne!)}`, { headers: HEADERS });
      expect(lecture.status).toBe(200);
      const admin = { authorization: `Bearer ${DEMO.adminToken}` };
      const list = (await (await fetch(`${running.url}/_admin/certification/sessions`, { headers: admin })).json()) as { sessions: { id: string }[] };
      const report = (await (await fetch(`${running.url}/_admin/certification/sessions/${list.sessions[0]!.id}/report?format=json`, { headers: admin })).json()) as SuiteReport;
      expect(findings(report)).toEqual([]);
      const items = new Map((report.checklist ?? []).map((i) => [i.id, i.outcome]));
      expect(items.get('contrats-depot-valide')).toBe('pass');
      expect(items.get('contrats-etat-lu')).toBe('pass');
    } finally {
      await running.stop();
    }
  });
});

describe('convergence test cfa (process)', () => {
  it('prints its URL, certifies the careful software, stops on SIGINT with exit 0 and five files', async () => {
    const out = join(dir, 'process-out');
    const child = spawn(process.execPath, [BIN, 'test', 'cfa', '--port', '0', '--store', 'memory', '--duration', '2m', '--script', SCRIPT, '--out', out], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += String(c)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL within 20 s; stderr: ${stderr}`)), 20_000);
        child.stdout.on('data', (c) => {
          stdout += String(c);
          const m = /listening on (http:\/\/\S+)/.exec(stdout);
          // The banner ends with where the reports go: wait for it so the command is fully started.
          if (m?.[1] && stdout.includes('reports under')) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        void exited.then((c) => reject(new Error(`exited early (${c}): ${stderr}`)));
      });
      expect(stdout).toContain('X-API-KEY: demo-cfa-key');
      expect(stdout).toContain('Bearer demo-admin-token');
      expect(stdout).toContain('play rejet-premiere-facture');
      const time = adminTime(url);
      await time.set(START);
      await runCfaClient({ baseUrl: url, time });
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
    expect(stdout).toContain('SIGINT received');
    const [session] = readdirSync(out);
    expect(readdirSync(join(out, session!)).sort()).toEqual(FILES);
  });
});
