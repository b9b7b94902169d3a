// `convergence validate` end to end in-process, on a fixed test catalogue: inputs, formats, exit codes, redaction.
import { describe, it, expect, vi, beforeAll, afterAll } from 'vitest';
import { Readable, Writable } from 'node:stream';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { convert } from 'xmlbuilder2';
import { main } from '../main.js';
import type { CliIO } from '../io.js';

// The real catalogue changes as rules are written; these tests pin the command's behaviour on four known rules.
vi.mock('../../conformance/rules/index.js', () => {
  const fail = (path: string, expected: string, received: string) => ({ outcome: 'fail', violations: [{ path, expected, received }] });
  const base = { requirements: ['REQ-01'], plant: (p: unknown) => ({ payload: p }) };
  const catalogue = [
    {
      ...base,
      id: 'test-nir-quinze',
      title: "Le NIR de l'apprenti compte 15 caractères",
      severity: 'bloquant',
      area: 'identifiants',
      appliesTo: ['cerfa'],
      check: (c: any) => (String(c.apprenti?.nir ?? '').length === 15 ? { outcome: 'pass' } : fail('apprenti.nir', '15 caractères', String(c.apprenti?.nir))),
    },
    {
      ...base,
      id: 'test-nom-majuscules',
      title: "Le nom de l'apprenti est en majuscules",
      severity: 'avertissement',
      area: 'cerfa',
      appliesTo: ['cerfa'],
      check: (c: any) => (c.apprenti.nom === c.apprenti.nom.toUpperCase() ? { outcome: 'pass' } : fail('apprenti.nom', 'en majuscules', c.apprenti.nom)),
    },
    {
      ...base,
      id: 'test-debut-passe',
      title: 'Le contrat a commencé',
      severity: 'information',
      area: 'coherence',
      appliesTo: ['cerfa'],
      check: (c: any, ctx: any) =>
        ctx.today === undefined
          ? { outcome: 'skip', reason: 'date du jour inconnue' }
          : c.contrat.dateDebutContrat <= ctx.today
            ? { outcome: 'pass' }
            : fail('contrat.dateDebutContrat', `au plus ${ctx.today}`, c.contrat.dateDebutContrat),
    },
    {
      ...base,
      id: 'test-facture-connue',
      title: 'La facture est déjà connue',
      severity: 'bloquant',
      area: 'facturation',
      appliesTo: ['facture'],
      check: (f: any, ctx: any) =>
        ctx.facturesConnues === undefined
          ? { outcome: 'skip', reason: 'factures connues absentes du contexte' }
          : ctx.facturesConnues.includes(f.numeroInterneFacture)
            ? fail('numeroInterneFacture', 'nouvelle facture', f.numeroInterneFacture)
            : { outcome: 'pass' },
    },
  ];
  return {
    catalogue,
    findRule: (id: string) => catalogue.find((r) => r.id === id),
    rulesFor: (kind: string) => catalogue.filter((r) => r.appliesTo.includes(kind)),
  };
});

const NIR_OK = '185057512345612';
const NIR_COURT = '2950875123456';
const cerfa = (numeroInterne: string, nir: string, nom: string, dateDebutContrat = '2025-09-01') => ({
  numeroInterne,
  apprenti: { nom, prenom: 'Camille', nir, dateNaissance: '2007-04-12' },
  contrat: { dateDebutContrat },
});
const facture = (numeroInterneFacture: string) => ({ numeroInterneFacture, lignes: [], organismeFormation: { siret: '1', IBAN: 'FR7630006000011234567890189' } });

const conforme = cerfa('D-1', NIR_OK, 'MARTIN');
const nirCourt = cerfa('D-2', NIR_COURT, 'BERNARD');
const nomMinuscule = cerfa('D-3', NIR_OK, 'Lefebvre');
const ndjson = (...records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(isTTY = false): Writable & { text: string; isTTY?: boolean } {
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      stream.text += chunk.toString();
      callback();
    },
  }) as Writable & { text: string; isTTY?: boolean };
  stream.text = '';
  if (isTTY) stream.isTTY = true;
  return stream;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'validate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  writeFileSync(join(dir, name), content);
  return name;
}

async function run(args: string[], options: { stdin?: string; stderrTTY?: boolean } = {}): Promise<Run> {
  const stdout = sink();
  const stderr = sink(options.stderrTTY);
  const io: CliIO = {
    stdout,
    stderr,
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    env: {},
    cwd: dir,
  };
  const code = await main(['node', 'convergence', 'validate', ...args], io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('convergence validate: inputs', () => {
  it('reads NDJSON, counts per rule, lists findings by file:line and exits 1 on a blocking failure', async () => {
    const input = file('contrats.ndjson', ndjson(conforme, nirCourt, nomMinuscule));
    const { code, stdout, stderr } = await run([input, '--today', '2025-10-01']);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toContain('3 records (cerfa 3) from contrats.ndjson');
    expect(stdout).toMatch(/test-nir-quinze\s+bloquant\s+2\s+1\s+0\s+0\s+0/);
    expect(stdout).toMatch(/test-nom-majuscules\s+avertissement\s+2\s+1\s+0\s+0\s+0/);
    expect(stdout).toContain('contrats.ndjson:2 (numeroInterne D-2)  apprenti.nir: expected 15 caractères, received 2 ** ** ** *** ***');
    expect(stdout).toContain('contrats.ndjson:3 (numeroInterne D-3)  apprenti.nom: expected en majuscules, received L***');
    expect(stdout).toContain('Result: NOT CONFORMANT — 1 finding at or above bloquant in 1 rule');
  });

  it('reads a JSON array, a pretty-printed object and standard input alike', async () => {
    const array = file('tableau.json', JSON.stringify([conforme, nirCourt], null, 2));
    const single = file('un.json', JSON.stringify(conforme, null, 2));
    const fromArray = await run([array, '--format', 'json']);
    expect(fromArray.code).toBe(1);
    const summary = JSON.parse(fromArray.stdout);
    expect(summary.records).toBe(2);
    expect(summary.rules[0].findings[0].record).toEqual({ file: 'tableau.json', line: 14, index: 1, kind: 'cerfa', numeroInterne: 'D-2' });
    expect((await run([single])).code).toBe(0);
    const fromStdin = await run(['-', '--format', 'json'], { stdin: ndjson(conforme, nirCourt) });
    expect(JSON.parse(fromStdin.stdout).rules[0].findings[0].record).toMatchObject({ file: '-', line: 2 });
    const both = await run([single, '-', '--format', 'json'], { stdin: ndjson(conforme) });
    expect(JSON.parse(both.stdout)).toMatchObject({ records: 2, inputs: ['un.json', '-'] });
  });

  it('detects each record\'s type, or takes --type', async () => {
    const mixed = file('mixte.ndjson', ndjson(conforme, facture('F-1')));
    const { stdout } = await run([mixed, '--format', 'json']);
    expect(JSON.parse(stdout).byKind).toEqual({ cerfa: 1, facture: 1, convention: 0, certificat: 0 });
    const odd = file('inconnu.ndjson', ndjson(conforme, { bonjour: 1 }));
    const unknown = await run([odd]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("convergence: inconnu.ndjson:2: cannot tell the payload type (not a CERFA, facture, convention or certificat); use --type\n");
    const forced = await run([file('force.ndjson', ndjson({ numeroInterneFacture: 'F-2' })), '--type', 'facture', '--format', 'json']);
    expect(JSON.parse(forced.stdout).byKind.facture).toBe(1);
  });

  it('exits 2 naming file and line on invalid JSON, without echoing the line', async () => {
    const broken = file('casse.ndjson', `${JSON.stringify(conforme)}\n{"apprenti": {"nir": "${NIR_COURT}" }\n`);
    const { code, stdout, stderr } = await run([broken]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^convergence: casse\.ndjson:2: invalid JSON/);
    expect(stderr).not.toContain(NIR_COURT);
    const notObject = await run([file('nombre.ndjson', '42\n')]);
    expect(notObject.stderr).toBe('convergence: nombre.ndjson:1: a record must be a JSON object, got number\n');
  });

  it('exits 2 when the input holds no record: nothing judged is not conformant', async () => {
    const empty = await run([file('vide.ndjson', '\n\n'), '--format', 'json']);
    expect(empty).toMatchObject({ code: 2, stdout: '', stderr: 'convergence: no record found in vide.ndjson\n' });
  });

  it('exits 2 on a missing file, a directory, or no input at all', async () => {
    expect(await run(['absent.ndjson'])).toMatchObject({ code: 2, stderr: 'convergence: cannot read absent.ndjson: no such file\n' });
    expect(await run(['.'])).toMatchObject({ code: 2, stderr: 'convergence: cannot read .: is a directory\n' });
    expect((await run([])).stderr).toMatch(/no input/);
  });
});

describe('convergence validate: options', () => {
  const input = () => file('options.ndjson', ndjson(conforme, nomMinuscule));

  it('--fail-severity decides which findings make the exit code 1', async () => {
    expect((await run([input()])).code).toBe(0);
    expect((await run([input(), '--fail-severity', 'avertissement'])).code).toBe(1);
    expect((await run([input(), '--fail-severity', 'fatal'])).code).toBe(2);
  });

  it('--only runs the named rules (space- or comma-separated) and rejects unknown ids', async () => {
    const spaced = JSON.parse((await run([input(), '--format', 'json', '--only', 'test-nir-quinze', 'test-debut-passe'])).stdout);
    expect(spaced.rules.map((r: { id: string }) => r.id)).toEqual(['test-nir-quinze', 'test-debut-passe']);
    const commas = JSON.parse((await run([input(), '--format', 'json', '--only', 'test-nom-majuscules,test-nir-quinze'])).stdout);
    expect(commas.rules.map((r: { id: string }) => r.id)).toEqual(['test-nir-quinze', 'test-nom-majuscules']);
    const typo = await run([input(), '--only', 'test-nir-15']);
    expect(typo).toMatchObject({ code: 2, stderr: 'convergence: --only: unknown rule id: test-nir-15 (see --list-rules)\n' });
  });

  it('--list-rules prints the catalogue', async () => {
    const { code, stdout } = await run(['--list-rules']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ID\s+SEVERITY\s+AREA\s+KINDS\s+TITLE\n/);
    expect(stdout).toMatch(/test-facture-connue\s+bloquant\s+facturation\s+facture\s+La facture est déjà connue/);
    expect(stdout).toContain('4 rules');
    const json = JSON.parse((await run(['--list-rules', '--format', 'json'])).stdout);
    expect(json[0]).toEqual({
      id: 'test-nir-quinze',
      severity: 'bloquant',
      area: 'identifiants',
      appliesTo: ['cerfa'],
      title: "Le NIR de l'apprenti compte 15 caractères",
      requirements: ['REQ-01'],
    });
  });

  it('--context applies to every record, a wrapped record\'s context wins, --today wins over both', async () => {
    const contextFile = file('opco.json', JSON.stringify({ facturesConnues: ['F-1'], today: '2025-08-01' }));
    const records = file(
      'factures.ndjson',
      ndjson(facture('F-1'), facture('F-2'), { payload: facture('F-2'), context: { facturesConnues: ['F-2'] } }, cerfa('D-9', NIR_OK, 'DURAND', '2025-09-01')),
    );
    const summary = JSON.parse((await run([records, '--context', contextFile, '--format', 'json'])).stdout);
    const byId = Object.fromEntries(summary.rules.map((r: { id: string }) => [r.id, r]));
    expect(byId['test-facture-connue'].counts).toMatchObject({ pass: 1, fail: 2 });
    expect(byId['test-facture-connue'].findings.map((f: { record: { line: number } }) => f.record.line)).toEqual([1, 3]);
    expect(byId['test-debut-passe'].counts).toMatchObject({ fail: 1 });
    const later = JSON.parse((await run([records, '--context', contextFile, '--today', '2025-09-30', '--format', 'json'])).stdout);
    expect(later.rules.find((r: { id: string }) => r.id === 'test-debut-passe').counts).toMatchObject({ pass: 1, fail: 0 });
    const withoutContext = JSON.parse((await run([records, '--format', 'json'])).stdout);
    expect(withoutContext.rules.find((r: { id: string }) => r.id === 'test-facture-connue').counts).toMatchObject({ skip: 2, fail: 1 });
    expect((await run([records, '--today', '2025-02-30'])).stderr).toMatch(/--today: expected a date YYYY-MM-DD/);
    expect((await run([records, '--context', file('bad.json', '[1]')])).code).toBe(2);
  });

  it('--output writes the report to a file and keeps stdout empty', async () => {
    const { code, stdout, stderr } = await run([input(), '--format', 'markdown', '--output', 'rapport.md']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe('markdown report written to rapport.md: 2 records, 0 findings at or above bloquant\n');
    expect(readFileSync(join(dir, 'rapport.md'), 'utf8')).toContain('# Validation report — conformant');
  });

  it('renders every format', async () => {
    const records = file('formats.ndjson', ndjson(conforme, nirCourt, nomMinuscule));
    const junit = convert((await run([records, '--format', 'junit'])).stdout, { format: 'object' }) as any;
    expect(junit.testsuites['@tests']).toBe('3');
    const sarif = JSON.parse((await run([records, '--format', 'sarif'])).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'formats.ndjson' }, region: { startLine: 2 } });
    expect((await run([records, '--format', 'markdown'])).stdout).toContain('| `test-nir-quinze` | bloquant |');
  });

  it('shows a progress bar on a terminal for files only, on stderr', async () => {
    const big = file('gros.ndjson', ndjson(...Array.from({ length: 2000 }, (_, i) => cerfa(`D-${i}`, NIR_OK, 'MARTIN'))));
    const onTerminal = await run([big, '--format', 'json'], { stderrTTY: true });
    expect(onTerminal.stderr).toContain('validate [');
    expect(JSON.parse(onTerminal.stdout).records).toBe(2000);
    expect((await run(['-'], { stdin: ndjson(conforme), stderrTTY: true })).stderr).toBe('');
    expect((await run([big, '--no-progress'], { stderrTTY: true })).stderr).toBe('');
  });
});

describe('convergence validate: personal data', () => {
  it('never prints a NIR, a name, a birth date or an IBAN in clear, in any format', async () => {
    const records = file('personnel.ndjson', ndjson(conforme, nirCourt, nomMinuscule, cerfa('D-4', '2950875123456', 'Petit', '2026-01-01')));
    for (const format of ['text', 'json', 'junit', 'sarif', 'markdown']) {
      const { stdout } = await run([records, '--format', format, '--today', '2025-10-01']);
      for (const secret of [NIR_COURT, NIR_OK, 'Lefebvre', 'Petit', '2007-04-12', 'Camille', '30006000011234567890']) {
        expect(stdout, `${format} shows ${secret}`).not.toContain(secret);
      }
    }
  });
});

describe('the installed command', () => {
  const bin = join(import.meta.dirname, '..', '..', 'bin', 'convergence.js');
  const built = existsSync(join(import.meta.dirname, '..', '..', 'dist', 'cli', 'commands', 'validate.js'));

  // One process only: the bin's start-up is the slow part, the behaviour is covered in-process above.
  it.runIf(built)('runs as a process: exit 2 with file:line on stderr for a broken line', () => {
    const broken = join(dir, 'process.ndjson');
    writeFileSync(broken, '{"numeroInterne": }\n');
    const failed = spawnSync(process.execPath, [bin, 'validate', broken], { encoding: 'utf8' });
    expect(failed.status).toBe(2);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toBe(`convergence: ${broken}:1: invalid JSON: Unexpected token '}'\n`);
  });
});
