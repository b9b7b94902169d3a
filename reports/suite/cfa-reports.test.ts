// The suite renderers on a CFA certification report (schema 1.1): checklist and session shown, session evidence masked.
import { describe, it, expect } from 'vitest';
import { convert } from 'xmlbuilder2';
import { SUITE_FORMATS, SUITE_REPORT_SCHEMA_VERSION, suiteReporters, validateSuiteReport, scrubReport, type SuiteReport } from './index.js';
import { CFA_LEAKS, cfaReport } from './fixtures/cfa-report.js';
import { LEAKS, mixedReport } from './fixtures/reports.js';

type Json = Record<string, any>;

describe('schema 1.1', () => {
  it('is the version producers write', () => {
    expect(SUITE_REPORT_SCHEMA_VERSION).toBe('1.2');
  });

  it('accepts a cfa report with its checklist and session, and its JSON rendering read back', () => {
    expect(validateSuiteReport(cfaReport)).toEqual([]);
    expect(validateSuiteReport(JSON.parse(suiteReporters.json(cfaReport)))).toEqual([]);
  });

  it('still accepts a 1.0 report (no checklist, no session)', () => {
    expect(validateSuiteReport({ ...mixedReport, schemaVersion: '1.0' })).toEqual([]);
  });

  it('rejects an unknown checklist outcome, an exchange number below 1 and a session without its id', () => {
    const bad = structuredClone(cfaReport) as Json;
    bad.checklist[0].outcome = 'skipped';
    bad.checklist[1].exchanges = [0];
    delete bad.session.id;
    const errors = validateSuiteReport(bad);
    expect(errors.some((m) => m.startsWith('/checklist/0/outcome'))).toBe(true);
    expect(errors.some((m) => m.startsWith('/checklist/1/exchanges/0'))).toBe(true);
    expect(errors.some((m) => m.startsWith('/session') && m.includes('id'))).toBe(true);
  });
});

describe('scrub of session evidence', () => {
  it.each(SUITE_FORMATS)('%s output holds no name, birth date, NIR or IBAN of the session', (format) => {
    const out = suiteReporters[format](cfaReport);
    for (const leak of [...Object.values(CFA_LEAKS), LEAKS.nir, LEAKS.iban]) expect(out, leak).not.toContain(leak);
    expect(out).not.toContain('L%C3%A9onie');
  });

  it('masks the appairage query string of a URL and of a curl, keeping the other parameters', () => {
    const ev = scrubReport(cfaReport).rules.find((r) => r.ruleId === 'client-entetes-editeur-presents')!.evidence[0]!;
    expect(ev.request.url).toBe('http://127.0.0.1:4010/v2/dossiers/appairage?nom=D***&prenom=L***&dateNaissance=****-**-**&siretEmployeur=73282932000074');
    expect(ev.curl).toContain('?nom=D***&prenom=L***&dateNaissance=****-**-**');
    expect(ev.curl).toContain('"X-API-KEY: $API_KEY"');
  });

  it('masks personal body fields by name, whatever their shape', () => {
    const body = scrubReport(cfaReport).rules[0]!.evidence[0]!.request.body as Json;
    expect(body.apprenti).toEqual({ nom: 'D***', prenom: 'L***', dateNaissance: '****-**-**', nir: '1 ** ** ** *** *** **' });
    expect(body.numeroInterne).toBe('CFA-2025-000123');
  });

  it('masks the checklist reasons and leaves the report it is given unchanged', () => {
    const before = JSON.stringify(cfaReport);
    const scrubbed = scrubReport(cfaReport);
    expect(scrubbed.checklist?.[2]?.reason).toBe('aucune lecture (IBAN FR76 **** … 0189)');
    expect(scrubbed.session).toEqual(cfaReport.session);
    expect(JSON.stringify(cfaReport)).toBe(before);
  });
});

describe('markdown', () => {
  const md = suiteReporters.markdown(cfaReport);

  it('shows the session block: software, capabilities, requests', () => {
    expect(md).toContain('### Session');
    expect(md).toContain('Software: Editions Exemple / GestApprentis 4.2.0');
    expect(md).toContain('Capabilities declared: `contrats`');
    expect(md).toContain('4 request(s) from `2026-01-12T09:00:00.000Z`');
  });

  it('shows one checklist table per capability, each item with its outcome, reason and exchanges', () => {
    expect(md).toContain('### Checklist');
    expect(md).toContain('#### ❌ contrats');
    expect(md).toContain('#### ❌ protocole');
    const rows = md.split('\n').filter((l) => /^\| .* `(contrats|protocole)-[a-z-]+` \|/.test(l));
    expect(rows).toHaveLength(cfaReport.checklist!.length);
    expect(md).toMatch(/`contrats-depot-valide` \| ❌ fail \| Le contrat envoyé porte des anomalies bloquantes \(nir-cle\).* \| #2 \|/);
    expect(md).toMatch(/`protocole-retry-after` \| ⏳ not exercised \| aucune réponse 429 dans la session \|/);
    expect(md).toMatch(/`protocole-erreur-serveur` \| ✅ pass \|  \| #1, #3 \|/);
  });

  it('renders no HTML from the checklist outside code', () => {
    const outsideFences = md.replace(/(`{3,})[^\n]*\n[\s\S]*?\n\1/g, '');
    expect(outsideFences).not.toContain('<script');
    expect(outsideFences).not.toContain('<img');
  });

  it('has no checklist nor session section for an opco report', () => {
    const opco = suiteReporters.markdown(mixedReport);
    expect(opco).not.toContain('### Checklist');
    expect(opco).not.toContain('### Session');
  });
});

describe('junit', () => {
  const doc = convert(suiteReporters.junit(cfaReport), { format: 'object' }) as Json;
  const suites = [doc.testsuites.testsuite].flat() as Json[];
  const checklist = suites.find((s) => s['@name'] === 'checklist')!;
  const cases = [checklist.testcase].flat() as Json[];
  const byId = (id: string) => cases.find((c) => String(c['@name']).startsWith(`${id} `))!;

  it('has a checklist testsuite with one testcase per item and matching counts', () => {
    expect(cases).toHaveLength(cfaReport.checklist!.length);
    expect(checklist['@tests']).toBe('5');
    expect(checklist['@failures']).toBe('1');
    expect(checklist['@skipped']).toBe('3');
  });

  it('maps fail to failure, not-exercised to skipped, pass to a bare testcase', () => {
    expect(byId('contrats-depot-valide')['@classname']).toBe('checklist.contrats');
    expect(byId('contrats-depot-valide').failure['@message']).toMatch(/^Le contrat envoyé porte/);
    expect(byId('contrats-depot-valide').failure['#']).toContain('exchanges: #2');
    expect(byId('protocole-retry-after').skipped['@message']).toBe('not exercised: aucune réponse 429 dans la session');
    expect(byId('protocole-erreur-serveur').failure).toBeUndefined();
    expect(byId('protocole-erreur-serveur').skipped).toBeUndefined();
  });

  it('counts rules and checklist items in the root totals', () => {
    const s = cfaReport.summary;
    expect(doc.testsuites['@tests']).toBe(String(cfaReport.rules.length + cfaReport.checklist!.length));
    expect(doc.testsuites['@failures']).toBe(String(s.fail + 1));
    expect(doc.testsuites['@skipped']).toBe(String(s.skip + s.notApplicable + s.waived + 3));
  });

  it('has no checklist testsuite for an opco report', () => {
    const opco = convert(suiteReporters.junit(mixedReport), { format: 'object' }) as Json;
    expect(([opco.testsuites.testsuite].flat() as Json[]).some((s) => s['@name'] === 'checklist')).toBe(false);
  });
});

describe('sarif', () => {
  it('describes the rules and the findings; the checklist is not a SARIF concept and stays out', () => {
    const run = (JSON.parse(suiteReporters.sarif(cfaReport)) as Json).runs[0] as Json;
    expect(run.tool.driver.rules).toHaveLength(cfaReport.rules.length);
    expect(run.results.map((r: Json) => r.ruleId)).toEqual(['nir-cle', 'client-entetes-editeur-presents']);
    expect(run.properties.kind).toBe('cfa');
    expect(JSON.stringify(run)).not.toContain('contrats-depot-valide');
  });
});

describe('html', () => {
  const page = suiteReporters.html(cfaReport);

  it('stays one self-contained page under its CSP, with only its own script', () => {
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)=/i);
    expect(page).toContain('Content-Security-Policy');
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).not.toContain('<img');
    expect(page).toContain('&#60;script&#62;window.__pwned = true&#60;/script&#62;');
  });

  it('shows the checklist per capability, each item with its outcome, and the session block', () => {
    const items = [...page.matchAll(/<tr data-item="([^"]+)" data-outcome="([^"]+)">/g)].map((m) => [m[1], m[2]]);
    expect(items).toEqual(cfaReport.checklist!.map((i) => [i.id, i.outcome]));
    expect(page.match(/<h3>contrats <span class="badge fail">incomplete<\/span><\/h3>/g)).toHaveLength(1);
    expect(page).toContain('<span class="badge not-exercised">Not exercised</span>');
    expect(page).toContain('#1, #3');
    expect(page).toContain('<dt>Software</dt><dd>Editions Exemple / GestApprentis 4.2.0</dd>');
    expect(page).toContain('<dt>Requests</dt><dd>4</dd>');
  });

  it('has no checklist nor session for an opco report', () => {
    const opco = suiteReporters.html(mixedReport);
    expect(opco).not.toContain('id="checklist"');
    expect(opco).not.toContain('id="session"');
  });

  it('says complete for a capability whose items all passed', () => {
    const done: SuiteReport = { ...cfaReport, checklist: cfaReport.checklist!.map((i) => ({ id: i.id, capability: i.capability, title: i.id, outcome: 'pass' })) };
    expect(suiteReporters.html(done).match(/<span class="badge pass">complete<\/span>/g)).toHaveLength(2);
  });
});
