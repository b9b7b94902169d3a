// A full run writes every artefact (mock log, five suite reports, five validate formats) without one personal value or key in clear.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import type { CliIO } from '../../cli/io.js';
import { startMock, type RunningMock } from '../../cli/commands/mock.js';
import { generateInvalidRecord, generateRecord, ruleAppliesTo, type PlantedRecord } from '../../conformance/generate/index.js';
import { redact } from '../../conformance/identifiers/index.js';
import type { PayloadKind } from '../../conformance/model/payloads.js';
import { catalogue } from '../../conformance/rules/index.js';
import { loadResponseSchemas, loadScenarios, runSuite, type Target } from '../../conformance/suite/index.js';
import { ALL_CAPACITES } from '../../conformance/suite/testdata.js';
import { FORMATS } from '../../reports/formats/index.js';
import { SUITE_FORMATS, writeReports } from '../../reports/suite/index.js';
import { bundledSpecPath } from '../../spec/load.js';

const SEED = 20_251_125;
const ADMIN_TOKEN = 'secret-admin-token-Zq81vX';
const CFA = [
  { siret: '85300000800005', denomination: 'CFA des secrets', keys: { '*': 'secret-cfa-key-one-Hk29Lw' }, iban: 'FR7630006000011234567890189' },
  { siret: '42100000100006', denomination: 'Autre CFA des secrets', keys: { '*': 'secret-cfa-key-two-Pq73Mz' }, iban: 'FR1420041010050500013M02606' },
];
/** Deliberately broken behaviours for the second run, so that failures carry evidence (requests and answers). */
const BREAKS = ['isolation-dossier-rompue', 'age-maximum-non-controle', 'facture-iban-non-controle', 'facture-doublon-acceptee', 'rupture-sans-prorata', 'montant-regle-fige'];

type Kind = 'nom' | 'date' | 'nir' | 'iban' | 'cle';

interface Sensitive {
  kind: Kind;
  value: string;
}

/** Captured stream: what the CLI or the mock wrote, as text. */
function sink(): Writable & { text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { text(): string };
  stream.text = () => chunks.join('');
  return stream;
}

function fakeIO(cwd: string): CliIO & { out: ReturnType<typeof sink>; err: ReturnType<typeof sink> } {
  const out = sink();
  const err = sink();
  return { stdout: out, stderr: err, stdin: new PassThrough(), env: { NO_COLOR: '1' }, cwd, out, err };
}

const NAME_KEYS = new Set(['nom', 'prenom', 'nomusage']);

/** Personal values of a payload by field name (names, birth dates, NIR, IBAN); every other text goes to `words`. */
function collect(value: unknown, into: Map<string, Sensitive>, words: Set<string>, key = ''): void {
  if (Array.isArray(value)) return value.forEach((v) => collect(v, into, words, key));
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collect(v, into, words, k);
    return;
  }
  if (typeof value !== 'string' || value.trim() === '') return;
  const k = key.toLowerCase();
  const kind: Kind | undefined = NAME_KEYS.has(k) ? 'nom' : k === 'datenaissance' ? 'date' : k === 'nir' ? 'nir' : k === 'iban' ? 'iban' : undefined;
  if (kind) into.set(`${kind}:${value}`, { kind, value });
  // A date of the contract (conclusion, start…) is printed legitimately; the same day as someone's birth date
  // (a plant's apprentice born "in the future") is ambiguous: searched next to a birth field only.
  else if (/^\d{4}-\d{2}-\d{2}/.test(value)) words.add(`date:${value.slice(0, 10)}`);
  // E-mail addresses are built from the names: not ordinary words.
  else if (!k.includes('courriel') && !value.includes('@')) addWords(value, words);
}

function addWords(text: string, words: Set<string>): void {
  for (const w of text.toLowerCase().split(/[^\p{L}]+/u)) if (w.length >= 4) words.add(w);
}

/**
 * Words the tool or the payloads legitimately print: rule texts and report templates (`SIRET dont la clé de Luhn
 * est juste`), street names, communes and company names (`Place Saint-Jean`, `Salon Lucas`). A name that is also one
 * of these words cannot be told apart from them by a grep: it is counted as ambiguous, not searched.
 */
function vocabulary(words: Set<string>): void {
  const roots = ['conformance/rules', 'conformance/suite', 'conformance/engine', 'reports', 'cli', 'scenarios'];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'fixtures' && entry.name !== 'testdata') walk(path);
      } else if (/\.(ts|ya?ml)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
        addWords(readFileSync(path, 'utf8'), words);
      }
    }
  };
  for (const root of roots) walk(join(ROOT, root));
}

const ROOT = join(import.meta.dirname, '..', '..');

/** A name all of whose words are ordinary words of the run (see vocabulary). */
function ambiguous(s: Sensitive, words: Set<string>): boolean {
  if (s.kind === 'date') return words.has(`date:${s.value.slice(0, 10)}`);
  if (s.kind !== 'nom') return false;
  const parts = s.value.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w !== '');
  return parts.length > 0 && parts.every((w) => words.has(w));
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const compact = (s: string): string => s.replace(/\s+/g, '');

/**
 * The patterns one value may leak as: a name as a whole word (any case, ≥ 4 letters); a date in ISO and French
 * forms; a NIR and an IBAN with or without spaces; a key as it is. Undefined when the value is too short to look
 * for without matching ordinary words.
 */
function patterns(s: Sensitive, anchored = false): RegExp[] | undefined {
  switch (s.kind) {
    case 'nom': {
      const name = s.value.trim();
      if ((name.match(/\p{L}/gu) ?? []).length < 4) return undefined;
      const word = `${escape(name).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`;
      // Anchored: only right after a name field (`"nom": "…"`, `nom=…`, `&#34;prenom&#34;: &#34;…`).
      // Also as a query string carries it: `M%C3%A9lissandre`, `De%20La%20Fontaine`.
      const encoded = encodeURIComponent(name);
      const forms = encoded === name ? [word] : [word, `${escape(encoded)}(?![\\p{L}\\p{N}])`];
      if (anchored) return forms.map((f) => new RegExp(`(?:nom|prenom|nomusage)[^\\p{L}]{1,16}${f}`, 'iu'));
      return forms.map((f) => new RegExp(`(?<![\\p{L}\\p{N}%])${f}`, 'iu'));
    }
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.value);
      if (!m) return undefined;
      const [, y, mo, d] = m;
      const forms = [`${y}-${mo}-${d}`, `${d}/${mo}/${y}`];
      // Anchored: only right after a birth field (`"dateNaissance": "…"`, `naissance=…`).
      if (anchored) return forms.map((f) => new RegExp(`naissance[^\\d]{1,16}${escape(f)}(?!\\d)`, 'i'));
      return forms.map((f) => new RegExp(`(?<!\\d)${escape(f)}(?!\\d)`));
    }
    case 'nir': {
      const digits = compact(s.value);
      if (digits.length < 13) return undefined;
      // Any spacing between the digits (`1 04 09 75 056 123 47`), and the 13-character body without its key.
      const spaced = (t: string) => new RegExp(`(?<![0-9A-Za-z])${[...t].map(escape).join('[ .]?')}(?![0-9])`);
      return [spaced(digits), spaced(digits.slice(0, 13))];
    }
    case 'iban': {
      const iban = compact(s.value);
      if (iban.length < 14) return undefined;
      return [new RegExp(`${[...iban].map(escape).join(' ?')}`, 'i')];
    }
    case 'cle':
      return [new RegExp(escape(s.value))];
  }
}

interface Leak {
  file: string;
  kind: Kind;
  /** The value masked, so the test's own failure message leaks nothing. */
  value: string;
  context: string;
}

function findLeaks(artefacts: Map<string, string>, values: Sensitive[], anchoredNames: ReadonlySet<Sensitive> = new Set()): Leak[] {
  const leaks: Leak[] = [];
  for (const s of values) {
    const list = patterns(s, anchoredNames.has(s));
    if (!list) continue;
    for (const [file, text] of artefacts) {
      for (const re of list) {
        const m = re.exec(text);
        if (m) {
          const at = m.index;
          const masked = redact(s.kind === 'date' ? 'date' : s.kind === 'cle' ? 'cle' : s.kind, s.value);
          leaks.push({ file, kind: s.kind, value: masked, context: text.slice(Math.max(0, at - 60), at).replace(/\s+/g, ' ') + '«…»' });
          break;
        }
      }
    }
  }
  return leaks;
}

let dir: string;
const artefacts = new Map<string, string>();
const sensitive = new Map<string, Sensitive>();
const words = new Set<string>();
const counts = { scenarios: 0, requestsLogged: 0, validateRecords: 0, skippedShort: 0, ambiguous: 0 };

async function serverRun(name: string, breaks: string[], fault?: object): Promise<void> {
  const io = fakeIO(dir);
  let running: RunningMock | undefined;
  try {
    running = await startMock({ port: '0', host: '127.0.0.1', store: 'memory', config: 'mock.yaml', ...(breaks.length ? { break: breaks } : {}) }, io);
    const url = running.url;
    if (fault) {
      const res = await fetch(`${url}/_admin/faults`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(fault) });
      expect(res.status).toBe(201);
    }
    const target: Target = {
      url,
      cfaKey: CFA[0]!.keys['*'],
      cfaKey2: CFA[1]!.keys['*'],
      editor: { editeur: 'Secrets', logiciel: 'convergence', version: '0.1.0' },
      adminToken: ADMIN_TOKEN,
      capacites: ALL_CAPACITES,
      statutInconnu: 404,
    };
    const scenarios = loadScenarios();
    const report = await runSuite({ target, scenarios, seed: SEED, runId: name.toUpperCase(), timeoutMs: 10_000, pollIntervalMs: 5, maxWaitMs: 200, schemas: await loadResponseSchemas(bundledSpecPath()) });
    counts.scenarios += report.scenarios.length;
    if (breaks.length > 0) expect(report.summary.fail).toBeGreaterThan(0);
    else expect(report.summary.fail + report.summary.error).toBe(0);
    const written = writeReports(report, join(dir, name));
    expect(written).toHaveLength(SUITE_FORMATS.length);
    for (const file of written) artefacts.set(file.slice(dir.length + 1), readFileSync(file, 'utf8'));
    // The CERFAs the runner generated for its scenarios (ScenarioRunner: record index × 4 of the seed).
    scenarios.forEach((_s, index) => collect(generateRecord('cerfa', SEED, index * 4).payload, sensitive, words));
  } finally {
    await running?.stop();
  }
  counts.requestsLogged += io.out.text().split('\n').filter((l) => /^\S+ (GET|POST|PUT|DELETE) /.test(l)).length;
  artefacts.set(`${name}/mock.stdout`, io.out.text());
  artefacts.set(`${name}/mock.stderr`, io.err.text());
}

/** Every rule of the catalogue planted once in a generated payload of each kind it judges. */
function plantedRecords(): PlantedRecord[] {
  const out: PlantedRecord[] = [];
  let index = 0;
  for (const rule of catalogue) {
    for (const kind of ['cerfa', 'facture', 'convention', 'certificat'] as PayloadKind[]) {
      if (!ruleAppliesTo(rule, kind)) continue;
      try {
        out.push(generateInvalidRecord(rule, kind, SEED, index++));
      } catch {
        // A plant that cannot work on this record (see generateInvalidRecord): the rule is covered elsewhere.
      }
    }
  }
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'convergence-secrets-'));
  const yaml = [
    'admin:',
    `  token: ${ADMIN_TOKEN}`,
    'cfas:',
    ...CFA.flatMap((c) => [`  - siret: "${c.siret}"`, `    denomination: ${c.denomination}`, `    keys: { "*": ${c.keys['*']} }`, `    iban: ${c.iban}`]),
  ].join('\n');
  writeFileSync(join(dir, 'mock.yaml'), `${yaml}\n`);
  for (const c of CFA) {
    sensitive.set(`cle:${c.keys['*']}`, { kind: 'cle', value: c.keys['*'] });
    sensitive.set(`iban:${c.iban}`, { kind: 'iban', value: c.iban });
  }
  sensitive.set(`cle:${ADMIN_TOKEN}`, { kind: 'cle', value: ADMIN_TOKEN });

  await serverRun('clean', []);
  // Broken on purpose, and the appairage answered 500: failures whose evidence carries bodies and query strings.
  await serverRun('broken', BREAKS, { operation: 'GET /dossiers/appairage', kind: '500' });

  const records = plantedRecords();
  counts.validateRecords = records.length;
  for (const r of records) collect(r.payload, sensitive, words);
  vocabulary(words);
  writeFileSync(join(dir, 'planted.ndjson'), records.map((r) => JSON.stringify({ payload: r.payload, context: r.context })).join('\n') + '\n');
  for (const format of FORMATS) {
    const io = fakeIO(dir);
    const code = await main(['node', 'convergence', 'validate', 'planted.ndjson', '--format', format, '--max-findings', '1000', '--no-progress'], io);
    expect(code, io.err.text()).toBe(1);
    artefacts.set(`validate.${format}`, io.out.text());
    artefacts.set(`validate.${format}.stderr`, io.err.text());
  }
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('no personal value or key in clear in any artefact of a run', () => {
  it('the grep finds a planted value in a deliberately unredacted string (the check can fail)', () => {
    const byKind = (kind: Kind) => [...sensitive.values()].find((s) => s.kind === kind && patterns(s) !== undefined)!;
    const nom = byKind('nom');
    const date = byKind('date');
    const nir = byKind('nir');
    const iban = byKind('iban');
    const cle = byKind('cle');
    const [y, m, d] = date.value.slice(0, 10).split('-');
    const n = compact(nir.value);
    const spacedNir = `${n.slice(0, 1)} ${n.slice(1, 3)} ${n.slice(3, 5)} ${n.slice(5, 7)} ${n.slice(7, 10)} ${n.slice(10, 13)} ${n.slice(13)}`;
    const spacedIban = compact(iban.value).replace(/(.{4})/g, '$1 ').trim();
    const dirty = new Map([
      ['nom', `apprenti : ${nom.value.toUpperCase()}.`],
      ['nom-lower', `<td>${nom.value.toLowerCase()}</td>`],
      ['date-iso', `né le ${date.value}`],
      ['date-fr', `né le ${d}/${m}/${y}`],
      ['nir', `"nir":"${n}"`],
      ['nir-spaced', `NIR ${spacedNir}`],
      ['iban', `IBAN=${compact(iban.value)}`],
      ['iban-spaced', `IBAN ${spacedIban}`],
      ['cle', `-H 'X-API-KEY: ${cle.value}'`],
    ]);
    for (const [file, text] of dirty) {
      const kind = file.split('-')[0] as Kind;
      const value = { nom, date, nir, iban, cle }[kind];
      expect(findLeaks(new Map([[file, text]]), [value]), file).toHaveLength(1);
    }
    // A name that is also an ordinary word is still found next to a name field, and only there.
    const inField = new Map([['json', `{"apprenti": {"nom": "${nom.value}"}}`], ['query', `appairage?prenom=${encodeURIComponent(nom.value)}&x=1`]]);
    expect(findLeaks(inField, [nom], new Set([nom]))).toHaveLength(2);
    expect(findLeaks(new Map([['voie', `"voie": "Place ${nom.value}"`]]), [nom], new Set([nom]))).toEqual([]);
    // The masked forms the tool prints are not matches.
    const clean = new Map([['masked', [redact('nom', nom.value), redact('date', date.value), redact('nir', nir.value), redact('iban', iban.value), redact('cle', cle.value)].join(' ')]]);
    expect(findLeaks(clean, [nom, date, nir, iban, cle])).toEqual([]);
  });

  it('every report, validate output and mock log is free of NIR, IBAN, names, birth dates and keys', () => {
    const values = [...sensitive.values()];
    const searched = values.filter((s) => patterns(s) !== undefined);
    const anchored = new Set(searched.filter((s) => ambiguous(s, words)));
    counts.skippedShort = values.length - searched.length;
    counts.ambiguous = anchored.size;
    // Most names must be searched everywhere, or the check would prove little.
    expect(counts.ambiguous).toBeLessThan(searched.filter((s) => s.kind === 'nom').length / 4);
    // Every artefact was produced and is not empty (stderr streams may be).
    const files = [...artefacts.keys()];
    expect(files.filter((f) => /\/report\./.test(f))).toHaveLength(2 * SUITE_FORMATS.length);
    expect(files.filter((f) => /^validate\.[a-z]+$/.test(f))).toHaveLength(FORMATS.length);
    for (const f of files.filter((f) => !f.endsWith('stderr'))) expect(artefacts.get(f)!.length, f).toBeGreaterThan(0);
    expect(counts.requestsLogged).toBeGreaterThan(100);
    const leaks = findLeaks(artefacts, searched, anchored);
    expect(leaks.map((l) => `${l.file}: ${l.kind} ${l.value} after ${l.context}`)).toEqual([]);
    const by = (k: Kind) => searched.filter((s) => s.kind === k).length;
    console.info(
      `secrets: ${searched.length} values grepped (${by('nom')} names, ${by('date')} birth dates, ${by('nir')} NIR, ${by('iban')} IBAN, ${by('cle')} keys; ` +
        `${counts.skippedShort} values too short skipped, ${counts.ambiguous} names that are also ordinary words searched next to a name field only) in ${files.length} artefacts; ${counts.scenarios} scenarios, ` +
        `${counts.requestsLogged} requests logged, ${counts.validateRecords} planted records validated`,
    );
  });
});
