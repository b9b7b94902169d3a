// `convergence test cfa`: serves the mock in certification mode, records each CFA key's session, and judges every session when the run stops.
import { rmSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import type { CommandContext } from '../main.js';
import { EXIT, ExitError, type CliIO, type ExitCode } from '../io.js';
import { DEFAULT_OPCO } from '../../mocks/profiles.js';
import { DEMO, type CfaTenant } from '../../mocks/tenants.js';
import { packageVersion } from '../../conformance/engine/package-root.js';
import { CAPACITES_CFA, CAPACITES_PAR_DEFAUT, type CapaciteCfa } from '../../conformance/model/session.js';
import type { SuiteReport } from '../../reports/suite/model.js';
import { describeOutcome, execEnvironment, execExitCode, runCommand } from './test-cfa-exec.js';

export interface TestCfaOptions {
  port: string;
  host: string;
  /** Comma-separated declared capabilities (the four that deposit when absent). */
  capabilities?: string;
  version?: string;
  duration?: string;
  out: string;
  format: string;
  store?: string;
  reset?: boolean;
  config?: string;
  script?: string;
  waivers?: string;
  exec?: string;
  /** PEM Ed25519 private key signing the reports; else one kept beside the store (docs/certification-signature.md). */
  signingKey?: string;
  /** How long a signed report stays valid (ISO 8601 duration, P12M by default). */
  validity?: string;
}

export interface RunningCfa {
  url: string;
  /** The admin token, and the first configured CFA's key, SIRET and OPCO (the demo CFA without --config). */
  adminToken: string;
  apiKey: string;
  siret: string;
  opco: string;
  /** Stops the mock, judges every session that made a request, writes their reports; resolves with the exit code. */
  stop(): Promise<ExitCode>;
}

/** Default store: a file of its own, so certification sessions never mix with `convergence mock`'s dossiers. */
export const DEFAULT_CERTIFICATION_STORE = '.convergence/certification.sqlite';

const FORMATS = ['json', 'junit', 'sarif', 'markdown', 'html'] as const;

const UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `90s`, `10m`, `1h30m`, `500ms`, or an ISO 8601 time duration (`PT10M`); throws ExitError otherwise. */
export function parseRunDuration(raw: string): number {
  const text = raw.trim();
  const iso = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/i.exec(text);
  let ms: number | undefined;
  if (iso && text.length > 2) {
    ms = (Number(iso[1] ?? 0) * 3600 + Number(iso[2] ?? 0) * 60 + Number(iso[3] ?? 0)) * 1000;
  } else if (/^(\d+(?:\.\d+)?(ms|s|m|h))+$/.test(text)) {
    ms = 0;
    for (const [, n, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) ms += Number(n) * (UNITS_MS[unit ?? 's'] ?? 1000);
  }
  if (ms === undefined || !Number.isFinite(ms) || ms <= 0 || ms > 2_147_483_647) {
    throw new ExitError(`--duration: expected a duration such as 90s, 10m, 1h30m or PT10M, received '${raw}'`);
  }
  return Math.round(ms);
}

/** The declared capabilities; the four that deposit when the option is absent (`lectures` is declared alone, for read-only software). */
export function parseCapabilities(raw: string | undefined): CapaciteCfa[] {
  if (raw === undefined) return [...CAPACITES_PAR_DEFAUT];
  const values = raw.split(',').map((v) => v.trim()).filter(Boolean);
  const unknown = values.filter((v) => !(CAPACITES_CFA as readonly string[]).includes(v));
  if (unknown.length > 0) throw new ExitError(`--capabilities: unknown capability ${unknown.join(', ')} (known: ${CAPACITES_CFA.join(', ')})`);
  if (values.length === 0) throw new ExitError(`--capabilities: declare at least one of ${CAPACITES_CFA.join(', ')}`);
  return [...new Set(values)] as CapaciteCfa[];
}

function parseVersion(raw: string | undefined): 'v1' | 'v2' | undefined {
  if (raw === undefined) return undefined;
  if (raw !== 'v1' && raw !== 'v2') throw new ExitError(`--version: expected v1 or v2, received '${raw}'`);
  return raw;
}

function parseFormats(raw: string): (typeof FORMATS)[number][] {
  const formats = raw.split(',').map((f) => f.trim()).filter(Boolean);
  const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0) throw new ExitError(`--format: unknown format(s) ${unknown.join(', ')} (known: ${FORMATS.join(', ')})`);
  if (formats.length === 0) throw new ExitError(`--format: give at least one of ${FORMATS.join(', ')}`);
  return formats as (typeof FORMATS)[number][];
}


function formatDelais(delais: Record<string, string | undefined>): string {
  const parts = Object.entries(delais).filter(([, v]) => v !== undefined).map(([k, v]) => `${k} ${v}`);
  return parts.length > 0 ? parts.join(', ') : "the config's";
}

/** A path relative to the working directory when it is below it. */
function shortPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** One line of evidence in the terminal; the reports keep the whole text. */
function clip(text: string, max = 240): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Where to find each key's session, without printing the keys: `CFA 853…: norme-831fbfbd (root paths), atlas-…
 * (/atlas/…)`. A key given for every OPCO (`*`) has one session per OPCO it calls.
 */
export function sessionIdLines(
  cfas: readonly Pick<CfaTenant, 'siret' | 'keys'>[],
  defaultOpco: string,
  sessionIdOf: (opco: string, key: string) => string,
): string[] {
  const lines = ['session ids (the OPCO and a digest of the key; the admin routes and report folders use them):'];
  for (const cfa of cfas) {
    const ids = Object.entries(cfa.keys).map(([opco, key]) => {
      if (opco === '*') return `${sessionIdOf(defaultOpco, key)} on the root paths, ${sessionIdOf('<opco>', key)} under /<opco>/…`;
      return `${sessionIdOf(opco, key)} (${opco === defaultOpco ? 'root paths' : `/${opco}/…`})`;
    });
    lines.push(`  CFA ${cfa.siret}: ${ids.join(', ')}`);
  }
  return lines;
}

/** What an editor reads after each session: what is missing, and the first proof of each failed rule. */
export function sessionSummary(report: SuiteReport, written: readonly string[], cwd: string): string {
  const session = report.session;
  const editor = session?.editor ? `, ${session.editor.editeur} / ${session.editor.logiciel} / ${session.editor.version}` : '';
  const requests = session?.requests ?? 0;
  const verdict = report.exitCode === 0 ? 'CERTIFIED: every declared capability complete, no blocking finding' : 'NOT CERTIFIED';
  const lines = [`Session ${session?.id ?? '?'} (OPCO ${session?.opco ?? '?'}, CFA ${session?.cfa ?? '?'}${editor}): ${requests} request${requests === 1 ? '' : 's'} — ${verdict}`];
  const checklist = report.checklist ?? [];
  const passing = checklist.filter((item) => item.outcome === 'pass').length;
  lines.push(`  checklist: ${passing}/${checklist.length} items pass`);
  for (const item of checklist) {
    if (item.outcome === 'pass') continue;
    lines.push(`  ${item.outcome === 'fail' ? 'FAIL' : 'NOT EXERCISED'} ${item.capability}/${item.id}: ${item.title}${item.reason ? ` — ${item.reason}` : ''}`);
  }
  const s = report.summary;
  lines.push(`  rules: ${s.pass} pass, ${s.fail} fail, ${s.error} error, ${s.skip} skip, ${s.notApplicable} not applicable, ${s.waived} waived (${s.blocking} blocking)`);
  for (const rule of report.rules) {
    if (rule.waived || (rule.outcome !== 'fail' && rule.outcome !== 'error')) continue;
    lines.push(`  ${rule.outcome.toUpperCase()} ${rule.ruleId} [${rule.severity}] ${rule.title}`);
    const first = rule.evidence[0];
    if (first) {
      const message = first.message ?? rule.reason ?? '';
      lines.push(`       ${first.step}: ${clip(message)}`);
      // A rule's message often only names the problem; what was expected and received says what to fix.
      const details = [
        first.expected !== undefined && !message.includes(first.expected) ? `expected: ${first.expected}` : undefined,
        first.received !== undefined && !message.includes(first.received) ? `received: ${first.received}` : undefined,
      ].filter((d): d is string => d !== undefined);
      if (details.length > 0) lines.push(`       ${clip(details.join(' — '))}`);
      const more = rule.evidence.length - 1;
      if (more > 0) lines.push(`       (and ${more} more exchange${more === 1 ? '' : 's'} in the report)`);
    } else if (rule.reason) lines.push(`       ${rule.reason}`);
  }
  if (written.length > 0) lines.push(`  reports: ${written.map((p) => shortPath(cwd, p)).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** Starts the certification mock and prints how to reach it; `stop()` judges and reports (signals in the CLI, tests directly). */
export async function startTestCfa(options: TestCfaOptions, io: CliIO): Promise<RunningCfa> {
  const version = parseVersion(options.version);
  // Pure and light: the checklist module imports no mock nor renderer.
  const { capacitesSansItem } = await import('../../conformance/certification/checklist.js');
  let capabilities = parseCapabilities(options.capabilities);
  // Undeclared, the capabilities are those the declared version can show: `--version v1` alone must not exit 2.
  const leftOut = options.capabilities === undefined ? capacitesSansItem(capabilities, version) : [];
  capabilities = capabilities.filter((c) => !leftOut.includes(c));
  const sansItem = capacitesSansItem(capabilities, version);
  if (sansItem.length > 0) throw new ExitError(`--capabilities ${sansItem.join(', ')}: not available in protocol ${version ?? ''} (spec/openapi.yaml has no such operation there); drop it or use --version v2`);
  const formats = parseFormats(options.format);
  if (options.duration !== undefined) parseRunDuration(options.duration);
  const out = resolve(io.cwd, options.out);

  // Heavy modules (the mock, the catalogue, the renderers) load only when the command runs, not with `test opco`.
  const [{ startMock }, certification, reports, suite, rules] = await Promise.all([
    import('./mock.js'),
    import('../../mocks/certification/index.js'),
    import('../../reports/suite/index.js'),
    import('../../conformance/suite/waivers.js'),
    import('../../conformance/rules/index.js'),
  ]);

  let script;
  try {
    script = certification.loadCertificationScript(options.script ? resolve(io.cwd, options.script) : undefined);
  } catch (error) {
    if (error instanceof certification.ScriptError) throw new ExitError(`--script: ${error.message}`);
    throw error;
  }
  let waivers: { ruleId: string; reason: string }[] = [];
  if (options.waivers) {
    try {
      waivers = suite.loadWaivers(resolve(io.cwd, options.waivers), (id) => rules.findRule(id) !== undefined);
    } catch (error) {
      if (error instanceof suite.WaiverError) throw new ExitError(`--waivers: ${error.message}`);
      throw error;
    }
  }

  const store = options.store === 'memory' ? 'memory' : resolve(io.cwd, options.store ?? DEFAULT_CERTIFICATION_STORE);
  if (options.reset && store !== 'memory') {
    // Afresh means no past session, dossier nor clock: the store file goes, with SQLite's journal files.
    for (const file of [store, `${store}-wal`, `${store}-shm`, `${store}-journal`]) rmSync(file, { force: true });
  }

  const tool = { name: 'convergence', version: packageVersion() };
  let running;
  try {
    running = await startMock(
      {
        port: options.port,
        host: options.host,
        store,
        ...(options.config ? { config: options.config } : {}),
        ...(options.signingKey ? { signingKey: options.signingKey } : {}),
        ...(options.validity ? { validity: options.validity } : {}),
      },
      io,
      { certification: { script, capabilities, ...(version ? { version } : {}), tool, waivers } },
    );
  } catch (error) {
    // A play naming an operation the mock does not serve is found when the app is built.
    if (error instanceof certification.ScriptError) throw new ExitError(`--script: ${error.message}`);
    throw error;
  }
  const sessionsUrl = `${running.url}/_admin/certification/sessions`;
  io.stdout.write('Certification mode (convergence test cfa): each CFA key is a session, every exchange is recorded\n');
  io.stdout.write(
    `  declared capabilities: ${capabilities.join(', ')} (+ protocole, always judged)${version ? `; protocol ${version} only` : ''}` +
      `${leftOut.length > 0 ? ` (${leftOut.join(', ')} left out: not in protocol ${version})` : ''}\n`,
  );
  io.stdout.write(`  script: ${options.script ?? 'bundled default'}; mock clock delays: ${formatDelais(script.delais)}\n`);
  for (const play of script.plays) {
    const { status, retryAfter } = play.answer;
    io.stdout.write(`    play ${play.id}: request #${play.occurrence} of ${play.operation} answered ${status}${retryAfter !== undefined ? ` with Retry-After: ${retryAfter}` : ''}\n`);
  }
  if (waivers.length > 0) io.stdout.write(`  waived rules: ${waivers.map((w) => w.ruleId).join(', ')}\n`);
  io.stdout.write(`  report so far: GET ${sessionsUrl}/<session-id>/report?format=html (admin token); sessions: GET ${sessionsUrl}\n`);
  const { config } = running;
  for (const line of sessionIdLines(config?.cfas ?? [{ siret: DEMO.siret, keys: { '*': DEMO.apiKey } }], config?.defaultOpco ?? DEFAULT_OPCO, certification.sessionIdOf)) {
    io.stdout.write(`  ${line}\n`);
  }
  io.stdout.write(
    `  when stopped (Ctrl-C${options.duration ? ` or after ${options.duration}` : ''}): reports under ${shortPath(io.cwd, out)}/<session-id>/ (${formats.join(', ')})\n`,
  );

  // Reports come from the mock's own admin routes, so the files are exactly what the admin API shows.
  const host = new URL(running.url).host;
  const admin = async (path: string): Promise<unknown> => {
    const res = await running.mock.app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${running.adminToken}`, host } });
    if (res.statusCode !== 200) throw new Error(`GET ${path}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.json();
  };

  const stop = async (): Promise<ExitCode> => {
    const judged: SuiteReport[] = [];
    let unattributed = { sansCle: 0, cleInconnue: 0 };
    try {
      // Read before the store closes; a request still in flight at that moment is not judged.
      const listing = (await admin('/_admin/certification/sessions')) as { sessions: { id: string; requests: number }[]; unattributed?: typeof unattributed };
      const { sessions } = listing;
      unattributed = listing.unattributed ?? unattributed;
      for (const session of sessions) {
        if (session.requests > 0) judged.push((await admin(`/_admin/certification/sessions/${encodeURIComponent(session.id)}/report?format=json`)) as SuiteReport);
      }
    } finally {
      await running.stop();
    }
    if (unattributed.cleInconnue + unattributed.sansCle > 0) {
      io.stderr.write(
        `not recorded: ${unattributed.cleInconnue} request(s) with an X-API-KEY the mock does not know for that OPCO, ${unattributed.sansCle} without X-API-KEY — check the key your software sends\n`,
      );
    }
    if (judged.length === 0) {
      io.stderr.write(
        `no request received: point the CFA software at ${running.url} with a key the mock knows (requests with no key or an unknown key are not recorded; no report written)\n`,
      );
      return EXIT.findings;
    }
    let code: ExitCode = EXIT.conformant;
    for (const report of judged) {
      // The id is the OPCO and a hex digest; kept to safe characters anyway, since it names a directory.
      const id = (report.session?.id ?? 'session').replace(/[^A-Za-z0-9._-]/g, '_');
      const written = reports.writeReports(reports.scrubReport(report), join(out, id), formats);
      io.stdout.write(sessionSummary(report, written, io.cwd));
      if (report.exitCode !== 0 && code !== EXIT.toolError) code = report.exitCode === 1 ? EXIT.findings : EXIT.toolError;
    }
    const certified = judged.filter((r) => r.exitCode === 0).length;
    io.stdout.write(`${certified}/${judged.length} session(s) certified\n`);
    return code;
  };
  let stopping: Promise<ExitCode> | undefined;
  const firstCfa: { siret: string; keys: Record<string, string> } = config?.cfas[0] ?? { siret: DEMO.siret, keys: { '*': DEMO.apiKey } };
  const opco = config?.defaultOpco ?? DEFAULT_OPCO;
  const apiKey = firstCfa.keys[opco] ?? firstCfa.keys['*'] ?? Object.values(firstCfa.keys)[0] ?? '';
  return { url: running.url, adminToken: running.adminToken, apiKey, siret: firstCfa.siret, opco, stop: () => (stopping ??= stop()) };
}

export function registerTestCfa(test: Command, ctx: CommandContext): void {
  test
    .command('cfa')
    .description(
      "Certify a CFA's software: serve the mock OPCO in certification mode (each API key is a session, every exchange recorded), " +
        'and when the run stops judge each session (rules, protocol, capability checklist) and write its reports. ' +
        'Exit 0: every session certified; 1: findings, incomplete capabilities or no request; 2: tool or input error.',
    )
    .option('--port <port>', 'port to listen on (0: any free port)', '4010')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option(
      '--capabilities <list>',
      `comma-separated capabilities the software claims: ${CAPACITES_CFA.join(', ')} (default: ${CAPACITES_PAR_DEFAUT.join(',')}; lectures: software that only reads)`,
    )
    .option('--version <v1|v2>', 'the protocol version the software uses (default: either)')
    .option('--duration <time>', 'stop by itself after this long (90s, 10m, 1h, PT10M); default: until Ctrl-C / SIGTERM')
    .option('--out <dir>', 'directory for the reports, one sub-directory per session', 'convergence-reports')
    .option('--format <formats>', `comma-separated report formats: ${FORMATS.join(', ')}`, FORMATS.join(','))
    .option('--store <file|memory>', `SQLite file keeping sessions across restarts, or "memory" (default: ${DEFAULT_CERTIFICATION_STORE})`)
    .option('--reset', 'start afresh: delete the store file (past sessions, dossiers and clock) first')
    .option('--config <file>', 'YAML tenant config (CFAs, API keys, admin token); a demo CFA when absent')
    .option('--script <file>', 'YAML certification script: delays and scripted answers (default: the bundled one)')
    .option('--waivers <file>', 'YAML list of {ruleId, reason}: waived rules are reported but do not fail the certification')
    .option('--signing-key <pem>', 'Ed25519 private key (PEM) signing the reports (default: <store>-signing-key.pem, created at first start)')
    .option('--validity <duration>', 'how long a signed report stays valid, ISO 8601 (P12M, P1Y, P90D)', 'P12M')
    .option(
      '--exec <command>',
      'run this shell command against the mock (CONVERGENCE_URL, CONVERGENCE_API_KEY, CONVERGENCE_SIRET, CONVERGENCE_ADMIN_TOKEN, ' +
        'CONVERGENCE_OPCO in its environment), then judge and stop; the exit code is the verdict, at least 1 if the command failed',
    )
    .action(async (options: TestCfaOptions) => {
      const durationMs = options.duration !== undefined ? parseRunDuration(options.duration) : undefined;
      // Handlers first: a signal that arrives while the mock starts still ends the run with its reports.
      let finish: (why: string) => void = () => undefined;
      const finished = new Promise<string>((done) => (finish = done));
      const onSignal = (signal: NodeJS.Signals): void => {
        finish(`${signal} received`);
        // A second Ctrl-C while the sessions are judged gets Node's default: the process ends at once.
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      let timer: NodeJS.Timeout | undefined;
      try {
        if (options.exec !== undefined && options.exec.trim() === '') throw new ExitError('--exec: give the command to run, e.g. --exec "npm test"');
        const running = await startTestCfa(options, ctx.io);
        if (durationMs !== undefined) timer = setTimeout(() => finish(`--duration ${options.duration} elapsed`), durationMs);
        if (options.exec !== undefined) {
          ctx.io.stdout.write(`running --exec "${options.exec}" with CONVERGENCE_URL=${running.url} and the demo or first configured CFA's key\n`);
          const outcome = await runCommand(options.exec, execEnvironment(running), ctx.io, finished);
          ctx.io.stdout.write(`${describeOutcome(options.exec, outcome)}: stopping the mock and judging the sessions\n`);
          ctx.setExit(execExitCode(await running.stop(), outcome));
          return;
        }
        const why = await finished;
        ctx.io.stdout.write(`${why}: stopping the mock and judging the sessions\n`);
        ctx.setExit(await running.stop());
      } finally {
        if (timer) clearTimeout(timer);
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}
