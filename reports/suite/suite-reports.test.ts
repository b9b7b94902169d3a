// The suite renderers on fixture reports: each output parses, counts agree, personal data and markup never leak.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convert } from 'xmlbuilder2';
import { SUITE_FORMATS, suiteReporters, validateSuiteReport, writeReports, scrubString, summarize, type SuiteReport } from './index.js';
import { HOSTILE, LEAKS, cleanReport, mixedReport } from './fixtures/reports.js';
import { humanDuration } from './common.js';

type Json = Record<string, any>;

describe('suite report model and schema', () => {
  it('accepts the fixture reports', () => {
    expect(validateSuiteReport(mixedReport)).toEqual([]);
    expect(validateSuiteReport(cleanReport)).toEqual([]);
  });

  it('accepts the JSON rendering read back', () => {
    expect(validateSuiteReport(JSON.parse(suiteReporters.json(mixedReport)))).toEqual([]);
  });

  it('rejects a report with an unknown outcome or a missing field, naming where', () => {
    const bad = structuredClone(mixedReport) as Json;
    bad.rules[0].outcome = 'failed';
    delete bad.coverage;
    const errors = validateSuiteReport(bad);
    expect(errors.some((m) => m.startsWith('/rules/0/outcome'))).toBe(true);
    expect(errors.some((m) => m.includes('coverage'))).toBe(true);
  });

  it('counts a waived rule only as waived and blocks on unwaived bloquant findings', () => {
    expect(mixedReport.summary).toEqual({ pass: 1, fail: 2, skip: 1, notApplicable: 1, error: 1, waived: 1, blocking: 2 });
    const s = mixedReport.summary;
    expect(s.pass + s.fail + s.skip + s.notApplicable + s.error + s.waived).toBe(mixedReport.rules.length);
  });

  it('computes coverage over the clauses in scope', () => {
    expect(mixedReport.coverage.total).toBe(8);
    // ID-08, ID-20, FACT-11, API-07 (error), CONV-03 (waived fail) reached a verdict; FACT-04, CERT-02, API-01 did not.
    expect(mixedReport.coverage.verified).toBe(5);
    expect(mixedReport.coverage.clauses?.find((c) => c.id === 'API-01')).toEqual({ id: 'API-01', status: 'not-verified', rules: [] });
  });
});

describe('defensive redaction', () => {
  it.each(SUITE_FORMATS)('%s output holds no NIR, IBAN or credential', (format) => {
    const out = suiteReporters[format](mixedReport);
    for (const leak of Object.values(LEAKS)) expect(out, leak).not.toContain(leak);
    // Nor their obvious fragments: the NIR's body, the IBAN's middle, the key's tail.
    expect(out).not.toContain('5057800608');
    expect(out).not.toContain('0112345678');
    expect(out).not.toContain('456789abcdef');
  });

  it('keeps SIRETs, ids and masked forms readable', () => {
    expect(scrubString('siret 73282932000074')).toBe('siret 73282932000074');
    expect(scrubString(`nir ${LEAKS.nir}`)).toBe('nir 1 ** ** ** *** *** **');
    expect(scrubString(LEAKS.ibanSpaced)).toBe('FR76 **** … 0189');
    expect(scrubString(`-H 'X-API-KEY: ${LEAKS.apiKey}'`)).toBe("-H 'X-API-KEY: sk-l…'");
    expect(scrubString("-H 'X-API-KEY: $API_KEY'")).toBe("-H 'X-API-KEY: $API_KEY'");
    expect(scrubString(`Authorization: Bearer ${LEAKS.bearer}`)).toBe('Authorization: Bearer eyJh…');
  });

  it('does not change the report it is given', () => {
    const before = JSON.stringify(mixedReport);
    for (const format of SUITE_FORMATS) suiteReporters[format](mixedReport);
    expect(JSON.stringify(mixedReport)).toBe(before);
  });
});

describe('json', () => {
  it('is the report itself, masked', () => {
    const back = JSON.parse(suiteReporters.json(mixedReport)) as SuiteReport;
    expect(back.summary).toEqual(mixedReport.summary);
    expect(back.rules.map((r) => r.ruleId)).toEqual(mixedReport.rules.map((r) => r.ruleId));
    expect(back.rules[0]?.evidence[0]?.request.headers['X-API-KEY']).toBe('sk-l…');
    expect((back.rules[0]?.evidence[0]?.request.body as Json).apprenti.nir).toBe('1 ** ** ** *** *** **');
  });
});

describe('junit', () => {
  const doc = convert(suiteReporters.junit(mixedReport), { format: 'object' }) as Json;
  const suites = [doc.testsuites.testsuite].flat() as Json[];
  const cases = suites.flatMap((s) => [s.testcase].flat() as Json[]);

  it('parses, with totals that match the summary', () => {
    const s = mixedReport.summary;
    expect(doc.testsuites['@tests']).toBe(String(mixedReport.rules.length));
    expect(doc.testsuites['@failures']).toBe(String(s.fail));
    expect(doc.testsuites['@errors']).toBe(String(s.error));
    expect(doc.testsuites['@skipped']).toBe(String(s.skip + s.notApplicable + s.waived));
  });

  it('has one testcase per rule, classname = area, and the matching child element', () => {
    expect(cases).toHaveLength(mixedReport.rules.length);
    const byId = (id: string) => cases.find((c) => String(c['@name']).startsWith(`${id} `))!;
    const nir = byId('nir-cle');
    expect(nir['@classname']).toBe('identifiants');
    expect(nir.failure['@type']).toBe('bloquant');
    expect(nir.failure['#']).toContain('expected HTTP 400 avec errors[].code = NIR_CLE');
    expect(nir.failure['#']).toContain('reproduce: curl -X POST');
    expect(byId('api-erreur-format').error['@message']).toBe('Connexion refusée par la cible');
    expect(byId('facture-doublon').skipped['@message']).toMatch(/^not verified: Aucune facture/);
    expect(byId('certificat-date-realisation').skipped['@message']).toMatch(/^not applicable/);
    expect(byId('convention-signature').skipped['@message']).toMatch(/^waived \(fail\): Signature/);
    expect(byId('code-postal-format').failure).toBeUndefined();
    expect(byId('code-postal-format').skipped).toBeUndefined();
  });

  it('keeps hostile text as escaped text', () => {
    const xml = suiteReporters.junit(mixedReport);
    expect(xml).not.toContain('<script');
    expect(xml).toContain('deux fois &lt;script&gt;');
  });

  it('survives control characters in a response body', () => {
    const report = structuredClone(mixedReport);
    report.rules[0]!.evidence[0]!.response!.body = 'bad\u0001byte\u001b[0m';
    expect(() => convert(suiteReporters.junit(report), { format: 'object' })).not.toThrow();
  });
});

describe('sarif', () => {
  const log = JSON.parse(suiteReporters.sarif(mixedReport)) as Json;
  const run = log.runs[0] as Json;

  it('has the SARIF 2.1.0 required keys', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toContain('sarif-2.1.0');
    expect(run.tool.driver.name).toBe('convergence');
    expect(Array.isArray(run.results)).toBe(true);
  });

  it('describes every rule with its French title and requirements', () => {
    expect(run.tool.driver.rules).toHaveLength(mixedReport.rules.length);
    const rule = run.tool.driver.rules.find((r: Json) => r.id === 'nir-cle');
    expect(rule.shortDescription.text).toBe('La clé du NIR doit être correcte');
    expect(rule.properties.requirements).toEqual(['ID-08']);
  });

  it('has one result per fail or error, levels from severity, waived ones suppressed', () => {
    expect(run.results.map((r: Json) => r.ruleId)).toEqual(['nir-cle', 'facture-total-egal-somme-lignes', 'api-erreur-format', 'convention-signature']);
    const levels = Object.fromEntries(run.results.map((r: Json) => [r.ruleId, r.level]));
    expect(levels).toEqual({ 'nir-cle': 'error', 'facture-total-egal-somme-lignes': 'warning', 'api-erreur-format': 'error', 'convention-signature': 'error' });
    const open = run.results.filter((r: Json) => r.suppressions === undefined);
    expect(open).toHaveLength(mixedReport.summary.fail + mixedReport.summary.error);
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(r.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^https:\/\/opco\.example\.test\//);
      expect(r.message.text.length).toBeGreaterThan(0);
    }
    const nir = run.results[0];
    expect(nir.properties.evidence[0].curl).toContain('curl -X POST');
    expect(nir.relatedLocations[0].message.text).toContain('HTTP 201');
  });
});

describe('markdown', () => {
  const md = suiteReporters.markdown(mixedReport);

  it('starts with the verdict and the counts table', () => {
    expect(md).toMatch(/^## Conformance suite \(opco\) — ❌ not conformant/);
    expect(md).toContain('| 1 | 2 | 1 | 1 | 1 | 1 | **2** |');
    expect(md).toContain('5 of 8 clauses verified');
  });

  it('lists only unwaived findings, each with its first evidence folded', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('#### '));
    expect(headings).toHaveLength(3);
    expect(md.match(/<details>/g)).toHaveLength(3);
    expect(md).toContain("curl -X POST 'https://opco.example.test/api/v1/contrats'");
    expect(md).toContain('### Waived');
  });

  it('renders no HTML from the report outside code blocks', () => {
    const outsideFences = md.replace(/(`{3,})[^\n]*\n[\s\S]*?\n\1/g, '');
    expect(outsideFences).not.toContain('<script');
    expect(outsideFences).not.toContain('<img');
  });

  it('says certified for a clean CFA session and lists no finding; an OPCO run is conformant or not', () => {
    const clean = suiteReporters.markdown(cleanReport);
    expect(clean).toContain('## CFA certification');
    expect(clean).toContain('✅ certified');
    expect(clean).not.toContain('### Findings');
    expect(suiteReporters.markdown(mixedReport)).toContain('## Conformance suite (opco) — ❌ not conformant');
    expect(suiteReporters.markdown({ ...mixedReport, exitCode: 0 })).toContain('✅ conformant');
  });
});

describe('html', () => {
  const page = suiteReporters.html(mixedReport);

  it('is one self-contained page', () => {
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)=/i);
    expect(page).toContain('Content-Security-Policy');
  });

  it('escapes every dynamic text: no script or tag from the report survives', () => {
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).not.toContain('<img');
    expect(page).toContain('&#60;script&#62;window.__pwned = true&#60;/script&#62;');
  });

  it('has one rule block per rule, with its status, and the coverage line', () => {
    const statuses = [...page.matchAll(/<details class="rule" data-status="([^"]+)"/g)].map((m) => m[1]);
    expect(statuses).toHaveLength(mixedReport.rules.length);
    expect(statuses.filter((s) => s === 'fail')).toHaveLength(mixedReport.summary.fail);
    expect(statuses.filter((s) => s === 'waived')).toHaveLength(mixedReport.summary.waived);
    expect(page).toContain('5 of 8 clauses verified');
    expect(page.match(/<section class="area"/g)).toHaveLength(5);
  });
});

describe('writeReports', () => {
  it('writes the chosen formats and only them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'suite-reports-'));
    try {
      const all = writeReports(mixedReport, join(dir, 'out'));
      expect(all.map((p) => p.slice(dir.length + 1))).toEqual(['out/report.json', 'out/report.junit.xml', 'out/report.sarif', 'out/report.md', 'out/report.html']);
      expect(JSON.parse(readFileSync(all[0]!, 'utf8')).summary).toEqual(summarize(mixedReport.rules));
      const some = writeReports(mixedReport, join(dir, 'two'), ['sarif', 'html']);
      expect(some.map((p) => p.slice(dir.length + 1))).toEqual(['two/report.sarif', 'two/report.html']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('humanDuration', () => {
  it('says seconds, minutes, hours or days as a person would', () => {
    expect(humanDuration(1_400)).toBe('1.4 s');
    expect(humanDuration(725_000)).toBe('12 min 5 s');
    expect(humanDuration(3 * 3_600_000 + 12 * 60_000)).toBe('3 h 12 min');
    expect(humanDuration(5 * 86_400_000 + 3 * 3_600_000 + 59_000)).toBe('5 d 3 h');
    expect(humanDuration(Number.NaN)).toBe('?');
  });
});

