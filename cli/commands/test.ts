// `convergence test opco`: the suite an OPCO runs against its own server; maps argv to the suite and the report to files and an exit code.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CommandContext } from '../main.js';
import { EXIT, ExitError } from '../io.js';
import { findRule } from '../../conformance/rules/index.js';
// Types only: the suite pulls in Prism's HTTP library (seconds to load), imported when `test opco` runs, not for `test cfa`.
import type { Target, Waiver } from '../../conformance/suite/index.js';
import type { OpcoProfile } from '../../mocks/profiles.js';
import { cibleDuTest, QUIRKS, type CibleOptions } from './test-opco-cible.js';
import { packageVersion } from '../../conformance/engine/package-root.js';
import { bundledSpecPath } from '../../spec/load.js';
import type { SuiteReport } from '../../reports/suite/model.js';
import { registerTestCfa } from './test-cfa.js';

interface TestOpcoOptions extends CibleOptions {
  editor: string;
  adminToken?: string;
  adminUrl?: string;
  scenarios?: string;
  only?: string[];
  waivers?: string;
  out: string;
  format: string;
  timeout: string;
  maxWait: string;
  pollInterval: string;
  minEvaluated: string;
  seed?: string;
  resume?: string;
  spec?: string;
  progress: boolean;
}

const FORMATS = ['json', 'junit', 'sarif', 'markdown', 'html'] as const;

function positive(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new ExitError(`${name} must be a positive number, received '${raw}'`);
  return n;
}

function parseEditor(raw: string): Target['editor'] {
  const parts = raw.split('/');
  if (parts.length !== 3 || parts.some((p) => p.trim() === '')) throw new ExitError(`--editor must be EDITEUR/LOGICIEL/VERSION, received '${raw}'`);
  return { editeur: parts[0]!.trim(), logiciel: parts[1]!.trim(), version: parts[2]!.trim() };
}

/** Where the mock's admin API is: `--admin-url`, or the target without its `/<profile>` suffix (the mock serves profiles there). */
function adminUrlOf(options: TestOpcoOptions, target: URL, profile: OpcoProfile): string {
  if (options.adminUrl) {
    try {
      return new URL(options.adminUrl).toString().replace(/\/+$/, '');
    } catch {
      throw new ExitError(`--admin-url: not a URL: '${options.adminUrl}'`);
    }
  }
  const base = target.toString().replace(/\/+$/, '');
  return base.endsWith(`/${profile.id}`) ? base.slice(0, -profile.id.length - 1) : base;
}

/** The report files, through the report renderers (reports/suite); JSON alone if they cannot be loaded. */
async function writeReports(report: SuiteReport, out: string, formats: string[]): Promise<string[]> {
  const reports = await import('../../reports/suite/index.js');
  const unknown = formats.filter((f) => !reports.isSuiteFormat(f));
  if (unknown.length > 0) throw new ExitError(`--format: unknown format(s) ${unknown.join(', ')} (known: ${reports.SUITE_FORMATS.join(', ')})`);
  return reports.writeReports(reports.scrubReport(report), out, formats as (typeof reports.SUITE_FORMATS)[number][]);
}

/** `0.8`, `80%` or `1` → a share in [0, 1]; exit 2 otherwise. */
function share(option: string, raw: string): number {
  const text = raw.trim();
  const value = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
  if (text === '' || !Number.isFinite(value) || value < 0 || value > 1) throw new ExitError(`${option}: expected a share from 0 to 1 (or 0% to 100%), got '${raw}'`);
  return value;
}

/** The line saying how much of the declared scope was judged, and why the rest was not. */
function evaluationText(report: SuiteReport): string[] {
  const e = report.evaluation;
  if (e === undefined) return [];
  const lines = [`  ${e.evaluated} of ${e.inScope} rules in the declared scope evaluated${e.minimum < 1 ? ` (at least ${Math.round(e.minimum * 100)} % required)` : ' (all required)'}`];
  if (e.notEvaluated > 0) {
    const skipped = report.rules.filter((r) => r.waived === undefined && r.outcome === 'skip');
    lines.push(`  NOT EVALUATED ${e.notEvaluated}${e.pending ? ` (${e.pending} pending: waiting for time, --resume may judge them)` : ''}: ${skipped.slice(0, 8).map((r) => r.ruleId).join(', ')}${skipped.length > 8 ? ', …' : ''} — e.g. ${skipped[0]?.reason ?? ''}`);
  }
  return lines;
}

function summaryText(report: SuiteReport, quirks: string[]): string {
  const s = report.summary;
  const lines = [
    `convergence test opco ${report.target.url}${report.target.profile ? ` (profile ${report.target.profile})` : ''}: ${report.scenarios.length} scenarios, ${report.rules.length} rules in ${(report.durationMs / 1000).toFixed(1)} s`,
    ...(quirks.length > 0 ? [`  quirks accepted (declared by the profile or --quirk): ${quirks.join(', ')}`] : []),
    `  ${s.pass} pass, ${s.fail} fail, ${s.error} error, ${s.skip} skip, ${s.notApplicable} not applicable, ${s.waived} waived (${s.blocking} blocking)`,
    ...evaluationText(report),
    `  ${report.exitCode === 0 ? 'CONFORMANT' : 'NOT CONFORMANT'}`,
  ];
  for (const rule of report.rules) {
    if (rule.waived || (rule.outcome !== 'fail' && rule.outcome !== 'error')) continue;
    const first = rule.evidence[0];
    lines.push(`  ${rule.outcome.toUpperCase()} ${rule.ruleId} [${rule.severity}] ${rule.title}`);
    if (first) lines.push(`       ${first.scenario}/${first.step}: ${first.message ?? rule.reason ?? ''}`);
    else if (rule.reason) lines.push(`       ${rule.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

export function registerTest(program: Command, ctx: CommandContext): void {
  const test = program.command('test').description('Run a conformance suite against a live server');
  test
    .command('opco')
    .description(
      "Play the scenarios against an OPCO's server as a CFA would, judge every exchange with the catalogue's server rules " +
        'and the spec\'s response schemas, and write the reports. Exit 0: every applicable rule passes; 1: findings; 2: tool, input or network error.',
    )
    .option('--target <url>', "base URL of the server (the part before /v1 or /v2), e.g. https://api.opco.fr/ApiEchangeCFA (default: the recette's `cible`)")
    .option('--cfa-key <key>', "the CFA's API key (X-API-KEY) (default: the recette's cfas[0].cle)")
    .option('--cfa-key-2 <key>', "a second CFA's key, for the isolation scenarios (default: the recette's cfas[1].cle; out of scope without it)")
    .option('--recette <file>', 'recette file: what the OPCO declares the suite may rely on (capabilities, quirks, keys, reference data, codes, delays, engaged dossiers); see recettes/exemple.yaml')
    .option('--editor <EDITEUR/LOGICIEL/VERSION>', 'the software headers sent', `Convergence/convergence-test/${packageVersion()}`)
    .option('--profile <opco-id>', "a mock profile's recette (recettes/<id>.yaml): norme (default), akto, atlas…")
    .option('--admin-token <token>', "admin token of the mock's /_admin API: time steps move its clock instead of polling")
    .option('--admin-url <url>', "base URL of the mock's /_admin API (default: the target, without a trailing /<profile> as the mock serves OPCO profiles)")
    .option('--scenarios <globs>', 'scenario files: a glob (wildcards in the file name), or several separated by commas (default: the bundled scenarios/*.yaml)')
    .option('--only <rule-ids...>', 'judge only these rules (server rules or payload rules judged through the server)')
    .option('--waivers <file>', 'YAML list of {ruleId, reason}: waived rules are reported but do not fail the run')
    .option('--out <dir>', 'directory for the report files', 'convergence-reports')
    .option('--format <formats>', `comma-separated report formats: ${FORMATS.join(', ')}`, FORMATS.join(','))
    .option('--timeout <seconds>', 'timeout of each request', '30')
    .option('--max-wait <seconds>', 'longest a time step polls for a state before skipping the rest of its scenario', '600')
    .option('--min-evaluated <share>', 'share of the rules in the declared scope that must be evaluated (not skipped) for exit 0: 0 to 1, or a percentage', '1')
    .option('--poll-interval <seconds>', 'delay between two polls', '10')
    .option('--seed <n>', 'seed of the generated CERFAs (default: a new one per run, printed in the report)')
    .option('--resume <run-dir>', "play on the scenarios an earlier run left pending (its --out directory, which keeps run-state.json), and merge: the target, recette or profile, scenarios and seed are the earlier run's unless given again (keys are never kept: give them again, or through the recette's environment variables)")
    .option('--spec <file>', 'OpenAPI file whose response schemas judge the answers (default: the bundled spec)')
    .option('--no-progress', 'never show the progress line (shown only when stderr is a terminal)')
    .option('--client-id <id>', "the software's OAuth2 client id, for OPCOs that require a bearer token (e.g. --profile akto)")
    .option('--client-secret <secret>', 'its secret; prefer the CONVERGENCE_CLIENT_SECRET environment variable (kept out of shell history)')
    .option('--token-url <url>', 'OAuth2 token endpoint (default: <target>/oauth/token)')
    .option('--scope <scope>', "OAuth2 scope (default: the profile's, e.g. .default for akto)")
    .option('--quirk <name=value...>', `accept one more quirk than the profile declares (${Object.keys(QUIRKS).join(', ')}), e.g. --quirk depotStatus=200`)
    .addHelpText(
      'after',
      '\nOPCO quirks (issue 12, shared/research/wire-format.md §2): the suite judges the norm strictly, except where the\n' +
        'target declares a quirk, through its --profile (mocks/profiles.yaml `particularites`) or --quirk:\n' +
        '  depotStatus=200                  a deposit answered 200 instead of 201\n' +
        '  erreurDescriptionRacine=description|comment   a top-level member beside errors[] in error bodies\n' +
        '  employeurV2=true                 the dossier read model names the employer employeurV2\n' +
        '  pageEtatsEnveloppeTableau=true   the etats pages come wrapped in a one-element array\n' +
        '  naturesFraisCasse=mots           frais annexes natures read back as Restauration, Premierequipement\n' +
        '  formeDates=date-time             the CERFA read back with 2026-09-01T00:00:00Z dates\n' +
        '  etatRupture=RUPTU                a broken contract read back as RUPTU (AKTO)\n' +
        'A declared quirk is read back into the norm\'s form before the schemas and rules judge the answer; an undeclared\n' +
        'one is judged as it is: it fails the rule the norm\'s form would pass (serveur-reponse-conforme-spec,\n' +
        'serveur-depot-cerfa-transmis) unless the spec accepts both forms (natures in words, date-times, extra members).\n' +
        '\nExamples:\n' +
        '  convergence test opco --target http://localhost:4010 --cfa-key K --admin-token T\n' +
        '  convergence test opco --target https://api.opco.example --cfa-key K --profile atlas\n' +
        '  convergence test opco --target https://api.opco.example --cfa-key K --quirk depotStatus=200\n',
    )
    .action(async (options: TestOpcoOptions, command: Command) => {
      const { ecrireEtat, lireEtat, loadResponseSchemas, loadScenarios, loadWaivers, PreflightError, RepriseError, runSuite, runsRepris, ScenarioError, TargetUnreachableError, WaiverError } = await import(
        '../../conformance/suite/index.js'
      );
      let etat;
      if (options.resume !== undefined) {
        try {
          etat = lireEtat(resolve(ctx.io.cwd, options.resume));
        } catch (error) {
          if (error instanceof RepriseError) throw new ExitError(error.message);
          throw error;
        }
        // The earlier run's description, unless the command line gives it again.
        const p = etat.parametres;
        if (options.recette === undefined && options.profile === undefined) {
          if (p.recette !== undefined) options.recette = p.recette;
          else if (p.profile !== undefined) options.profile = p.profile;
        }
        options.target ??= p.target;
        if (options.scenarios === undefined && p.scenarios !== undefined) options.scenarios = p.scenarios;
        if (options.only === undefined && p.only !== undefined) options.only = p.only;
        if (command.getOptionValueSource('out') === 'default') options.out = options.resume;
      }
      const { target: cible, recette, profile, url } = cibleDuTest(options, ctx.io.cwd, process.env);
      const only = options.only?.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
      const unknownOnly = (only ?? []).filter((id) => !findRule(id));
      if (unknownOnly.length > 0) throw new ExitError(`--only: unknown rule id(s) ${unknownOnly.join(', ')}`);
      let waivers: Waiver[] = [];
      let scenarios;
      try {
        if (options.waivers) waivers = loadWaivers(resolve(ctx.io.cwd, options.waivers), (id) => findRule(id) !== undefined);
        scenarios = loadScenarios(options.scenarios, ctx.io.cwd);
      } catch (error) {
        if (error instanceof WaiverError || error instanceof ScenarioError) throw new ExitError(error.message);
        throw error;
      }
      const seed = etat ? etat.parametres.seed : options.seed !== undefined ? Math.trunc(positive('--seed', options.seed)) : Date.now() % 1_000_000_007;
      const runId = etat ? etat.parametres.runId : `S${Date.now().toString(36).slice(-6).toUpperCase()}`;
      let reprise;
      try {
        reprise = etat ? runsRepris(etat, scenarios) : undefined;
      } catch (error) {
        if (error instanceof RepriseError) throw new ExitError(error.message);
        throw error;
      }
      const outDir = resolve(ctx.io.cwd, options.out);
      const startedAt = etat ? new Date(etat.parametres.startedAt) : new Date();
      const parametres = {
        seed,
        runId,
        target: cible.url,
        ...(options.recette !== undefined ? { recette: resolve(ctx.io.cwd, options.recette) } : { profile: profile.id }),
        ...(options.scenarios !== undefined ? { scenarios: resolve(ctx.io.cwd, options.scenarios) } : {}),
        ...(only ? { only } : {}),
        startedAt: startedAt.toISOString(),
      };
      const target: Target = {
        ...cible,
        editor: parseEditor(options.editor),
        ...(options.adminToken ? { adminToken: options.adminToken, adminUrl: adminUrlOf(options, url, profile) } : {}),
      };
      const particularites = target.particularites ?? {};
      const formats = options.format.split(',').map((f) => f.trim()).filter(Boolean);
      const tty = options.progress && ctx.io.stderr.isTTY === true;
      let report: SuiteReport;
      try {
        report = await runSuite({
          target,
          profile: options.recette ? recette.opco : profile.id,
          scenarios,
          ...(only ? { only } : {}),
          waivers,
          seed,
          runId,
          startedAt,
          ...(reprise ? { reprise } : {}),
          onRuns: (runs) => ecrireEtat(outDir, parametres, runs),
          timeoutMs: positive('--timeout', options.timeout) * 1000,
          maxWaitMs: positive('--max-wait', options.maxWait) * 1000,
          minEvaluated: share('--min-evaluated', options.minEvaluated),
          pollIntervalMs: positive('--poll-interval', options.pollInterval) * 1000,
          schemas: await loadResponseSchemas(options.spec ? resolve(ctx.io.cwd, options.spec) : bundledSpecPath()),
          tool: { name: 'convergence', version: packageVersion() },
          ...(tty ? { onProgress: (done: number, total: number, id: string) => ctx.io.stderr.write(`\r\x1b[2K[${done}/${total}] ${id}`) } : {}),
        });
      } catch (error) {
        if (error instanceof TargetUnreachableError || error instanceof PreflightError) throw new ExitError(error.message);
        throw error;
      } finally {
        if (tty) ctx.io.stderr.write('\r\x1b[2K');
      }
      const written = await writeReports(report, outDir, formats);
      ctx.io.stdout.write(summaryText(report, Object.entries(particularites).map(([k, v]) => `${k}=${String(v)}`)));
      ctx.io.stdout.write(`  seed ${seed}; reports: ${written.join(', ')}\n`);
      const enAttente = report.scenarios.filter((sc) => sc.pending);
      if (enAttente.length > 0) {
        const jour = enAttente.map((sc) => sc.pending?.jusquau).filter((d): d is string => d !== undefined).sort()[0];
        ctx.io.stdout.write(`  PENDING ${enAttente.length} scenario(s) wait for time${jour ? ` (the first calendar condition holds on ${jour})` : ''}: convergence test opco --resume ${options.out}\n`);
      }
      ctx.setExit(report.exitCode === 0 ? EXIT.conformant : report.exitCode === 1 ? EXIT.findings : EXIT.toolError);
    });
  registerTestCfa(test, ctx);
}
